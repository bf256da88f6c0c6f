using System.Text.Json.Serialization;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Personnel.Contracts;

/// <summary>The points one criterion of a star rating gave.</summary>
[GenerateSerializer, Immutable]
public sealed record CriterionScore([property: Id(0)] string Criterion, [property: Id(1)] int Points);

/// <summary>星级化管理: a party secretary's rating for a period, kept with every criterion's points, the stars and the monthly incentive pay that follow.</summary>
[GenerateSerializer, Immutable]
public sealed record StarRating
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Person { get; init; }
    [Id(2)] public required string Period { get; init; }
    [Id(3)] public required IReadOnlyList<CriterionScore> Scores { get; init; }
    [Id(4)] public required int Total { get; init; }
    [Id(5)] public required int Stars { get; init; }
    [Id(6)] public required decimal MonthlyPay { get; init; }
    [Id(7)] public required DateOnly RatedOn { get; init; }
    [Id(8)] public Actor? By { get; init; }
}

/// <summary>The three training tiers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingTier>))]
public enum TrainingTier
{
    /// <summary>头雁提升 — leaders.</summary>
    [JsonStringEnumMemberName("leaders")] Leaders,
    /// <summary>雁阵提效 — teams.</summary>
    [JsonStringEnumMemberName("teams")] Teams,
    /// <summary>雏雁帮带 — newcomers, each paired with a mentor.</summary>
    [JsonStringEnumMemberName("newcomers")] Newcomers,
}

/// <summary>An enrolment in a training course and its completion (null: not yet); a newcomer's names their mentor.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Person { get; init; }
    [Id(2)] public required TrainingTier Tier { get; init; }
    [Id(3)] public required string Course { get; init; }
    [Id(4)] public string? Mentor { get; init; }
    [Id(5)] public required DateOnly EnrolledOn { get; init; }
    [Id(6)] public DateOnly? CompletedOn { get; init; }
    [Id(7)] public Actor? By { get; init; }
}
