using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Grids.Layout;

/// <summary>Which compounds may be merged together: neighbours across a boundary, or close compounds sharing a facility.</summary>
internal sealed class CompoundGraph(IReadOnlyList<CompoundRecord> compounds, GridRules rules)
{
    private readonly Dictionary<string, CompoundRecord> _byCode = compounds.ToDictionary(c => c.Code);

    public CompoundRecord this[string code] => _byCode[code];

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public bool Adjacent(CompoundRecord a, CompoundRecord b) => a.Adjacent.Contains(b.Code) || b.Adjacent.Contains(a.Code);

    public static bool ShareFacility(CompoundRecord a, CompoundRecord b) => a.SharedFacilities.Intersect(b.SharedFacilities).Any();

    /// <summary>Two compounds are linked if they share a boundary, or share a facility and are close enough.</summary>
    public bool Linked(CompoundRecord a, CompoundRecord b) =>
        a.Community == b.Community
        && (Adjacent(a, b) || (ShareFacility(a, b) && a.Location.DistanceTo(b.Location) <= rules.MaxMergeDistanceMetres));

    /// <summary>Whether the members form one connected piece by <see cref="Linked"/>.</summary>
    public bool Connected(IReadOnlyList<CompoundRecord> members)
    {
        if (members.Count <= 1)
            return true;
        var reached = new HashSet<string> { members[0].Code };
        var frontier = new Queue<CompoundRecord>([members[0]]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var next in members.Where(m => !reached.Contains(m.Code) && Linked(current, m)))
            {
                reached.Add(next.Code);
                frontier.Enqueue(next);
            }
        }
        return reached.Count == members.Count;
    }
}
