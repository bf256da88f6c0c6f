using ModularGov.Duties.Contracts;

namespace ModularGov.Duties.Views;

// What the API answers and the console's pages show of certificates, plaques and the burden report: one shape for both, so a
// page cannot show a figure the API would not. Public because the pages (Razor components) that take them are.

/// <summary>A certificate a community must not issue: who issues it instead, what to bring, the words residents use for it.</summary>
public sealed record CertificateItem(string Code, string Name, string IssuedBy, string Bring, IReadOnlyList<string> Aliases, string Source);

/// <summary>How often the counter refused one certificate item, district-wide.</summary>
public sealed record RefusalCount(string Item, string Code, int Refusals);

/// <summary>A street's plaques: taken down, ever hung and hanging now, with each community's register.</summary>
public sealed record StreetPlaques(string Street, int Removed, int EverHung, int Current, IReadOnlyList<PlaqueRegister> Communities);

/// <summary>Each community's burden report, before and after.</summary>
public sealed record StreetBurden(string Street, IReadOnlyList<BurdenReport> Communities);

/// <summary>One indicator of the burden report as a chart draws it: before the burden was cut, and after.</summary>
public sealed record BurdenFigure(string Indicator, double Before, double After);

/// <summary>A street's duty list changes still in progress: those awaiting the district's approval, and those awaiting assessment.</summary>
public sealed record StreetChanges(string Street, string Name, int CurrentVersion, IReadOnlyList<DutyChange> Awaiting, IReadOnlyList<DutyChange> Assessing);
