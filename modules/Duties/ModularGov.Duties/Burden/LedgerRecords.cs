using ModularGov.Duties.Contracts;

namespace ModularGov.Duties.Burden;

/// <summary>
/// One month of a community's ledger, its own record keyed <c>&lt;community&gt;.&lt;yyyy-MM&gt;</c>: the meetings and
/// inspections dated in it and the forms submitted in it.
/// </summary>
[GenerateSerializer]
internal sealed class MonthLedger
{
    public const string Kind = "burden-month";

    [Id(0)] public List<Meeting> Meetings { get; set; } = [];
    [Id(1)] public List<Inspection> Inspections { get; set; } = [];
    [Id(2)] public List<FormSubmission> Forms { get; set; } = [];
}

/// <summary>
/// Which month's ledger holds the submission of one indicator for one period, its own record keyed
/// <c>&lt;community&gt;.&lt;indicator&gt;.&lt;period&gt;</c>: a figure is reported once a period, whenever that was.
/// </summary>
[GenerateSerializer]
internal sealed class FormIndex
{
    public const string Kind = "burden-form";

    [Id(0)] public string Month { get; set; } = "";
}
