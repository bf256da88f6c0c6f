using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Cases;

[GenerateSerializer]
internal sealed class CaseState
{
    [Id(0)] public CaseOpening? Opening { get; set; }
    [Id(1)] public Urgency Urgency { get; set; }
    [Id(2)] public DateTimeOffset Deadline { get; set; }
    [Id(3)] public CaseStep Step { get; set; }
    [Id(4)] public DeliberationLevel Level { get; set; } = DeliberationLevel.WorkingGroup;
    [Id(5)] public DateTimeOffset? DeliberationDue { get; set; }
    [Id(6)] public bool Overdue { get; set; }
    [Id(7)] public Verification? Verification { get; set; }
    [Id(8)] public string? Lead { get; set; }
    [Id(9)] public List<string> AssistingUnits { get; set; } = [];
    [Id(10)] public DateTimeOffset? AssignedAt { get; set; }
    [Id(11)] public DateTimeOffset? LeadRespondedAt { get; set; }
    [Id(12)] public List<CaseAppeal> Appeals { get; set; } = [];
    [Id(13)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(14)] public bool? OnTime { get; set; }
    [Id(15)] public int? Satisfaction { get; set; }
    [Id(16)] public int? TimelinessScore { get; set; }
    [Id(17)] public DateTimeOffset? EvaluatedAt { get; set; }
    [Id(18)] public List<LinkedReport> LinkedReports { get; set; } = [];
    [Id(19)] public List<CaseEvent> History { get; set; } = [];
    [Id(20)] public bool DeadlineProvisional { get; set; }
    /// <summary>Counts every stored change, so the case can tell whether its index record shows the latest.</summary>
    [Id(21)] public long Version { get; set; }
    /// <summary>Where the case stands on its street's board, once it is there.</summary>
    [Id(22)] public int? BoardPosition { get; set; }
    /// <summary>The months the case has told of a step their ranking counts.</summary>
    [Id(23)] public List<string> TouchedMonths { get; set; } = [];
    [Id(24)] public bool CountedInClass { get; set; }

    public void Record(DateTimeOffset at, string action, Actor by, string? note) => History.Add(new CaseEvent(at, action, Step, Level, by, note));

    public CaseView View()
    {
        var c = Opening!.Case;
        return new CaseView
        {
            Id = Opening.Id,
            Source = c.Source,
            SourceRef = c.SourceRef,
            Street = c.Street,
            Community = c.Community,
            Category = c.Category,
            Description = c.Description,
            Place = c.Place,
            Compound = c.Compound,
            Urgency = Urgency,
            Step = Step,
            Level = Level,
            ReceivedAt = Opening.ReceivedAt,
            Deadline = Deadline,
            Overdue = Overdue,
            Verification = Verification,
            Lead = Lead,
            Assisting = AssistingUnits.ToList(),
            Appeals = Appeals.ToList(),
            ClosedAt = ClosedAt,
            OnTime = OnTime,
            Satisfaction = Satisfaction,
            TimelinessScore = TimelinessScore,
            LinkedReports = LinkedReports.ToList(),
            History = History.ToList(),
            EscalationReason = c.EscalationReason,
            DeadlineProvisional = DeadlineProvisional,
        };
    }

    public CaseIndexEntry Index()
    {
        var c = Opening!.Case;
        return new CaseIndexEntry
        {
            Id = Opening.Id,
            Street = c.Street,
            Community = c.Community,
            Category = c.Category,
            Place = c.Place,
            Compound = c.Compound,
            Cause = Verification?.Cause,
            Step = Step,
            ReceivedAt = Opening.ReceivedAt,
            Deadline = Deadline,
            Overdue = Overdue,
            Lead = Lead,
            Assisting = AssistingUnits.ToList(),
            AssignedAt = AssignedAt,
            LeadRespondedAt = LeadRespondedAt,
            ClosedAt = ClosedAt,
            OnTime = OnTime,
            Satisfaction = Satisfaction,
            EvaluatedAt = EvaluatedAt,
            Description = c.Description,
            DeadlineProvisional = DeadlineProvisional,
            Level = Level,
        };
    }
}
