using ModularGov.Dispatch.Contracts;
using ModularGov.Dispatch.Http;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Dispatch.Pages;

/// <summary>The board as one caller reads it: its cases (at most <see cref="BoardReader.MaxRows"/>), and whether there were more.</summary>
internal sealed record BoardRows(IReadOnlyList<CaseIndexEntry> Cases, bool Truncated);

/// <summary>
/// The board a page shows: the part of it the API lets the caller see (<see cref="CaseEndpoints.BoardFor"/>), read page by page
/// from the centre up to <see cref="MaxRows"/> cases, so the page's table can filter, sort and export all of them. The board holds
/// open cases and each street's latest closed ones, so the bound is only reached by a district far behind on its cases.
/// </summary>
internal static class BoardReader
{
    public const int MaxRows = 5000;

    public static async Task<BoardRows> ReadAsync(AccessIdentity caller, IGrainFactory grains, CaseStep? step = null, bool? overdue = null)
    {
        var centre = grains.GetGrain<IDispatchCentreGrain>(IDispatchCentreGrain.Key);
        var query = CaseEndpoints.BoardFor(caller) with { Step = step, Overdue = overdue, Limit = Contracts.BoardPage.MaxLimit };
        var cases = new List<CaseIndexEntry>();
        while (true)
        {
            var page = await centre.GetBoardAsync(query);
            cases.AddRange(page.Cases);
            if (page.Next is null)
                return new BoardRows(cases, false);
            if (cases.Count >= MaxRows)
                return new BoardRows(cases.Take(MaxRows).ToList(), true);
            query = query with { After = page.Next };
        }
    }
}
