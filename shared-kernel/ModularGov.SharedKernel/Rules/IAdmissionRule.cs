namespace ModularGov.SharedKernel.Rules;

/// <summary>A task a department asks a street or community to take on (准入 admission).</summary>
[GenerateSerializer, Immutable]
public sealed record PushedTask(
    [property: Id(0)] string Department,
    [property: Id(1)] string Street,
    [property: Id(2)] string? Community,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Category,
    [property: Id(5)] string? Item);

/// <summary>
/// A street's own admission rule, applied after the duty list's (清单之外无事项): it may refuse a task the list
/// would admit, with a reason. Return null to let the list decide.
/// </summary>
public interface IAdmissionRule
{
    string? Refuse(PushedTask task, Duties.DutyItem matched);
}
