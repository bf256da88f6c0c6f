using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Personnel.Roster;

/// <summary>What the roster adds up to, counted from the roster itself at activation and kept current as it changes.</summary>
internal sealed class RosterCounts
{
    public int Office { get; private set; }
    public int CommunityWorkers { get; private set; }
    public Dictionary<string, int> GraduatesByCommunity { get; } = [];
    public Dictionary<(CareerChannel, CareerRung, CareerRung), int> Moves { get; } = [];

    public static RosterCounts Of(IStreet street, IEnumerable<Person> people)
    {
        var counts = new RosterCounts();
        foreach (var community in street.Profile.Communities)
            counts.GraduatesByCommunity[community.Code] = 0;
        foreach (var person in people)
            counts.Add(person, +1);
        return counts;
    }

    /// <summary>Counts a person in (+1) or out (−1): before a change out, after it in.</summary>
    public void Add(Person person, int sign)
    {
        foreach (var move in person.Moves)
            Moves[(move.Channel, move.From, move.To)] = Moves.GetValueOrDefault((move.Channel, move.From, move.To)) + sign;
        if (!person.Active)
            return;
        if (person.Community is null)
            Office += sign;
        if (person.Rung == CareerRung.CommunityWorker)
            CommunityWorkers += sign;
        if (person.GraduateYear is not null && person.Community is { } community)
            GraduatesByCommunity[community] = GraduatesByCommunity.GetValueOrDefault(community) + sign;
    }

    public IReadOnlyList<MoveCount> MoveCounts() =>
        Moves.Where(m => m.Value > 0).Select(m => new MoveCount(m.Key.Item1, m.Key.Item2, m.Key.Item3, m.Value))
            .OrderBy(m => m.Channel).ThenBy(m => m.From).ToList();
}
