using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Streets.Nanshanlu;

/// <summary>减陪同: Nanshanlu stopped sending staff to accompany visits and inspections, whatever the list says.</summary>
public sealed class NoAccompanyingRule : IAdmissionRule
{
    public string? Refuse(PushedTask task, DutyItem matched) =>
        task.Title.Contains("陪同", StringComparison.Ordinal) ? "南山路街道不再承担陪同任务 (Nanshanlu no longer provides accompanying staff)" : null;
}
