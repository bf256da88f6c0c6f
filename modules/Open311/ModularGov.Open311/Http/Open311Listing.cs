using Microsoft.AspNetCore.Http;
using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Open311.Http;

/// <summary>GET requests and GET requests/{id}: the jurisdiction's grid problems as service requests, read in bounded pages.</summary>
internal static class Open311Listing
{
    /// <summary>The most requests one answer lists (the spec's own cap).</summary>
    public const int MaxResults = 1000;

    /// <summary>The most ids one <c>service_request_id</c> may list.</summary>
    public const int MaxIds = 50;

    /// <summary>
    /// The most problems filed in the window one GET requests reads across the street's grids, newest first, whatever the
    /// other filters (beyond each grid's first page): a window busier than that is answered from its newest part.
    /// </summary>
    public const int ReadBudget = 5000;

    private static readonly Dictionary<string, int> Limits = new(StringComparer.Ordinal) { ["service_request_id"] = 2000 };

    internal static async Task<IResult> GetAsync(string id, Jurisdiction jurisdiction, IGrainFactory grains)
    {
        var problem = await FindAsync(id, await GridsAsync(jurisdiction, grains), grains);
        return problem is null
            ? Open311Errors.NotFound(jurisdiction.Format, $"服务请求不存在 (no service request '{Open311Access.Truncated(id)}' in jurisdiction {jurisdiction.Code})")
            : Open311Writer.Result(jurisdiction.Format, Open311Requests.List([problem]));
    }

    internal static async Task<IResult> ListAsync(Jurisdiction jurisdiction, IGrainFactory grains, TimeProvider time)
    {
        var (format, input) = (jurisdiction.Format, jurisdiction.Input);
        if (input.TooLong(Limits) is { } tooLong)
            return Open311Errors.BadRequest(format, tooLong);
        if (input["service_request_id"] is { } ids)
        {
            var wanted = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
            if (wanted.Count > MaxIds)
                return Open311Errors.BadRequest(format, $"service_request_id 过多 (at most {MaxIds} ids at once)");
            var grids = await GridsAsync(jurisdiction, grains);
            var found = new List<ProblemView>();
            foreach (var one in wanted)
                if (await FindAsync(one, grids, grains) is { } problem)
                    found.Add(problem);
            return Open311Writer.Result(format, Open311Requests.List(found));
        }
        var filter = Open311Filter.Read(input, time.GetUtcNow(), out var refused);
        if (refused is not null)
            return Open311Errors.BadRequest(format, refused);
        var problems = await ReadAsync(jurisdiction.Code, filter!, grains);
        return Open311Writer.Result(format, Open311Requests.List(problems));
    }

    /// <summary>
    /// The jurisdiction's newest problems the filter matches, newest first across its grids, from the newest
    /// <see cref="ReadBudget"/> problems filed in the window.
    /// </summary>
    private static async Task<List<ProblemView>> ReadAsync(string street, Open311Filter filter, IGrainFactory grains)
    {
        var totals = await grains.GetGrain<IStreetGridsGrain>(street).GetTotalsAsync();
        var grids = totals.ByGrid.Where(g => g.Value.Total > 0).Select(g => g.Key);
        var matched = new List<ProblemView>();
        await foreach (var problem in new StreetProblemsNewestFirst(grains, filter.Start, ReadBudget).ReadAsync(grids))
        {
            if (filter.Matches(problem))
                matched.Add(problem);
            if (matched.Count == MaxResults)
                break;
        }
        return matched;
    }

    /// <summary>The jurisdiction's grids (those its street counts).</summary>
    private static async Task<IReadOnlySet<string>> GridsAsync(Jurisdiction jurisdiction, IGrainFactory grains) =>
        (await grains.GetGrain<IStreetGridsGrain>(jurisdiction.Code).GetTotalsAsync()).ByGrid.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The problem <paramref name="id"/> (<c>&lt;grid&gt;.p&lt;n&gt;</c>) of one of <paramref name="grids"/>, or null.</summary>
    private static async Task<ProblemView?> FindAsync(string id, IReadOnlySet<string> grids, IGrainFactory grains)
    {
        var mark = id.LastIndexOf(".p", StringComparison.Ordinal);
        if (mark <= 0)
            return null;
        var grid = id[..mark];
        return grids.Contains(grid) && PlaceIds.IsNumbered(id, grid + ".p") ? await grains.GetGrain<IGridGrain>(grid).GetProblemAsync(id) : null;
    }
}
