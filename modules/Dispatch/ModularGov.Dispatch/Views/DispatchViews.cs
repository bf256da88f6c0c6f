namespace ModularGov.Dispatch.Views;

// What the console's dispatch pages show beside the module's contracts. Public because the pages (Razor components) that
// take them are.

/// <summary>The names the pages write for unit ids and street codes (an unknown id is written as it is).</summary>
public sealed record DispatchNames(IReadOnlyDictionary<string, string> Units, IReadOnlyDictionary<string, string> Streets)
{
    public string Unit(string? id) => id is null ? "—" : Units.GetValueOrDefault(id, id);

    public string Street(string code) => Streets.GetValueOrDefault(code, code);
}

/// <summary>A street at a glance for the district (区级): its grids and open problems, and its dispatch cases by step and deadline.</summary>
public sealed record StreetDispatchRow
{
    public required string Street { get; init; }
    public required string Name { get; init; }
    public required int Grids { get; init; }
    public required int OpenProblems { get; init; }
    public required int Received { get; init; }
    public required int Verified { get; init; }
    public required int Assigned { get; init; }
    public required int Handling { get; init; }
    public required int Overdue { get; init; }
    /// <summary>Open, not yet overdue, and due within <see cref="DueSoonHours"/> hours.</summary>
    public required int DueSoon { get; init; }

    public const int DueSoonHours = 24;

    public int OpenCases => Received + Verified + Assigned + Handling;
}
