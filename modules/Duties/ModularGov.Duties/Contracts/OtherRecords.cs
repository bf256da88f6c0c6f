using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Duties;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using Orleans.Concurrency;

namespace ModularGov.Duties.Contracts;

/// <summary>The answer at the counter: refuse or not, the list item recognised, who issues it instead and what to bring.</summary>
public sealed record CertificateCheck(string Query, bool Refuse, string? Item, string? Code, string? IssuedBy, string? Bring, string Message);

/// <summary>The community counter's check of a certificate request, in the resident's own words.</summary>
public interface ICertificateDesk
{
    CertificateCheck Check(string words);
}

/// <summary>Refusals counted per certificate item, district-wide (keyed <c>district</c>).</summary>
[Alias("ModularGov.Duties.ICertificateRefusalsGrain")]
public interface ICertificateRefusalsGrain : IGrainWithStringKey
{
    [Alias("Count")]
    Task CountAsync(string code);

    [Alias("Counts"), ReadOnly]
    Task<IReadOnlyDictionary<string, int>> GetCountsAsync();
}

/// <summary>A plaque in the register, current or removed.</summary>
[GenerateSerializer, Immutable]
public sealed record Plaque
{
    [Id(0)] public required string Code { get; init; }
    [Id(1)] public required PlaqueKind Kind { get; init; }
    [Id(2)] public required string Title { get; init; }
    [Id(3)] public required string HungBy { get; init; }
    [Id(4)] public required DateOnly HungOn { get; init; }
    [Id(5)] public DateOnly? RemovedOn { get; init; }
    [Id(6)] public string? RemovedBy { get; init; }
    [Id(7)] public string? Campaign { get; init; }
}

/// <summary>A community's plaques: what hangs now against the 3 signs + 2 markers rule, and how many were taken down (those are listed in pages).</summary>
[GenerateSerializer, Immutable]
public sealed record PlaqueRegister(
    [property: Id(0)] string Community,
    [property: Id(1)] int Signs,
    [property: Id(2)] int Markers,
    [property: Id(3)] int Removed,
    [property: Id(4)] int EverHung,
    [property: Id(5)] IReadOnlyList<Plaque> Plaques);

/// <summary>清牌 — one grain per community (keyed <c>&lt;street&gt;.&lt;community&gt;</c>).</summary>
[Alias("ModularGov.Duties.IPlaqueRegisterGrain")]
public interface IPlaqueRegisterGrain : IGrainWithStringKey
{
    [Alias("Get"), ReadOnly]
    Task<PlaqueRegister> GetAsync();

    /// <summary>The plaques taken down, in the order they came down: those after position <paramref name="after"/>, at most <paramref name="limit"/> (1–1000).</summary>
    [Alias("Removed"), ReadOnly]
    Task<Page<Plaque>> ListRemovedAsync(int after, int limit);

    /// <summary>Hangs a plaque unless the community already carries 3 signs (or 2 markers).</summary>
    [Alias("Hang")]
    Task<Outcome<Plaque>> HangAsync(PlaqueKind kind, string title, string hungBy, Actor by);

    /// <summary>谁悬挂谁清理: only the unit that hung a plaque takes it down.</summary>
    [Alias("Remove")]
    Task<Outcome<Plaque>> RemoveAsync(string code, string removedBy, string? campaign, Actor by);
}

/// <summary>A meeting a community was called to.</summary>
[GenerateSerializer, Immutable]
public sealed record Meeting([property: Id(0)] DateOnly Date, [property: Id(1)] string Title, [property: Id(2)] string ConvenedBy, [property: Id(3)] bool Online, [property: Id(4)] Actor RecordedBy);

/// <summary>An inspection or visit, and whether community staff had to accompany it (陪同).</summary>
[GenerateSerializer, Immutable]
public sealed record Inspection([property: Id(0)] DateOnly Date, [property: Id(1)] string Unit, [property: Id(2)] bool Accompanied, [property: Id(3)] Actor RecordedBy);

/// <summary>A figure reported once for a period (报表统一报送) and every department that asked for it.</summary>
[GenerateSerializer, Immutable]
public sealed record FormSubmission(
    [property: Id(0)] string Indicator,
    [property: Id(1)] string Period,
    [property: Id(2)] string Value,
    [property: Id(3)] string FirstAskedBy,
    [property: Id(4)] IReadOnlyList<string> AlsoAskedBy,
    [property: Id(5)] DateTimeOffset SubmittedAt);

/// <summary>The answer to a form request: the submission, and whether it already existed (the asker is pointed to it).</summary>
[GenerateSerializer, Immutable]
public sealed record FormOutcome([property: Id(0)] FormSubmission Submission, [property: Id(1)] bool Reused);

/// <summary>Before and after, per community: meetings a week, online share, forms, inspections and accompanying a month, plaques.</summary>
[GenerateSerializer, Immutable]
public sealed record BurdenReport
{
    [Id(0)] public required string Community { get; init; }
    [Id(1)] public required double MeetingsPerWeekBefore { get; init; }
    [Id(2)] public required double MeetingsPerWeekAfter { get; init; }
    [Id(3)] public required double OnlineShare { get; init; }
    [Id(4)] public required int FormsPerMonthBefore { get; init; }
    [Id(5)] public required double FormsPerMonthAfter { get; init; }
    [Id(6)] public required int FormsReused { get; init; }
    [Id(7)] public required int InspectionsPerMonthBefore { get; init; }
    [Id(8)] public required double InspectionsPerMonthAfter { get; init; }
    [Id(9)] public required int AccompanyingPerMonthBefore { get; init; }
    [Id(10)] public required double AccompanyingPerMonthAfter { get; init; }
    [Id(11)] public required int PlaquesBefore { get; init; }
    [Id(12)] public required int PlaquesNow { get; init; }
    [Id(13)] public required int Weeks { get; init; }
}

/// <summary>文会督检考 — one ledger per community (keyed <c>&lt;street&gt;.&lt;community&gt;</c>).</summary>
[Alias("ModularGov.Duties.IBurdenLedgerGrain")]
public interface IBurdenLedgerGrain : IGrainWithStringKey
{
    /// <summary>Records a meeting unless it breaks the street's meeting-frequency rule.</summary>
    [Alias("Meeting")]
    Task<Outcome<Meeting>> RecordMeetingAsync(DateOnly date, string title, string convenedBy, bool online, Actor by);

    [Alias("Inspection")]
    Task<Outcome<Inspection>> RecordInspectionAsync(DateOnly date, string unit, bool accompanied, Actor by);

    /// <summary>Reports an indicator for a period once; a second department asking is pointed to the existing submission.</summary>
    [Alias("Form")]
    Task<Outcome<FormOutcome>> SubmitFormAsync(string indicator, string period, string department, string value, Actor by);

    [Alias("Report"), ReadOnly]
    Task<BurdenReport> GetReportAsync();
}
