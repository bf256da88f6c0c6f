namespace ModularGov.Dispatch.Pages;

/// <summary>The names of the case page's forms, so the one that was sent comes back with its values and its refusal.</summary>
internal static class CaseActions
{
    public const string Verify = "verify";
    public const string Deliberate = "deliberate";
    public const string Refer = "refer";
    public const string Coordinate = "coordinate";
    public const string Progress = "progress";
    public const string Appeal = "appeal";
    public const string Confirm = "confirm";
    public const string Evaluate = "evaluate";

    public static string Decide(string unit) => $"decide:{unit}";
}
