using ModularGov.SharedKernel.Settings;

namespace ModularGov.Personnel;

/// <summary>Configuration section <c>Personnel</c>: the district's secondment rule (《城区借调工作人员管理办法》).</summary>
internal sealed class PersonnelOptions : ICheckedOptions
{
    public const string Section = "Personnel";

    /// <summary>The longest a secondment may be approved for, in days, from the day it starts to the return date.</summary>
    public int SecondmentMaxDays { get; set; } = 180;

    public IReadOnlyList<string> Problems() => new SettingChecks(Section).Between(nameof(SecondmentMaxDays), SecondmentMaxDays, 1, 730).Problems;
}
