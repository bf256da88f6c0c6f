using System.Security.Cryptography;
using System.Text;
using ModularGov.Dispatch.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.Concurrency;

namespace ModularGov.Dispatch.Centre;

/// <summary>
/// The centre's front desk. It keeps nothing: it checks a report and hands it to the grain of its place, reads the
/// streets' boards for the board, and asks the months and the classes for the rest. Being stateless it runs where it
/// is called, as many at once as are called.
/// </summary>
[StatelessWorker]
internal sealed class DispatchCentreGrain(IntakeRules intake, IStreetDirectory streets, TimeProvider clock) : Grain, IDispatchCentreGrain
{
    public Task<Outcome<CaseReceipt>> ReceiveAsync(NewCase report, string sourceKey) =>
        intake.Check(report) is { } invalid
            ? Task.FromResult(Outcome<CaseReceipt>.Refuse(Refusal.Invalid, invalid))
            : GrainFactory.GetGrain<IDispatchPlaceGrain>(PlaceGrainKey(report)).ReceiveAsync(report, sourceKey);

    /// <summary>
    /// The streets' boards merged by deadline. One more than the page tells whether a next page exists. Each street is
    /// first asked for its share of that with room to spare, not the whole of it; a street that gave all it was asked
    /// and whose last case comes before the merged page's end may hold more of the page, and only it is asked for the rest.
    /// </summary>
    public async Task<BoardPage> GetBoardAsync(BoardQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, BoardPage.MaxLimit);
        var wanted = limit + 1;
        var boards = (query.Streets ?? streets.All.Select(s => s.Code).ToList()).Where(c => streets.Find(c) is not null)
            .Select(c => GrainFactory.GetGrain<IDispatchBoardGrain>(c)).ToList();
        var share = Math.Min(wanted, boards.Count <= 1 ? wanted : wanted * 3 / (2 * boards.Count) + 1);
        var pages = (await Task.WhenAll(boards.Select(b => b.GetPageAsync(query with { Limit = share })))).Select(p => p.ToList()).ToList();
        var first = Merged(pages, wanted);
        var shortOfPage = first.Count < wanted;
        var unfinished = Enumerable.Range(0, pages.Count)
            .Where(i => pages[i].Count == share && share < wanted && (shortOfPage || InBoardOrder(pages[i][^1], first[^1]) < 0)).ToList();
        await Task.WhenAll(unfinished.Select(async i =>
            pages[i].AddRange(await boards[i].GetPageAsync(query with { Limit = wanted - share, After = BoardCursor.Of(pages[i][^1]) }))));
        var merged = unfinished.Count == 0 ? first : Merged(pages, wanted);
        var page = merged.Take(limit).ToList();
        return new BoardPage(page, merged.Count > limit ? BoardCursor.Of(page[^1]) : null);
    }

    private static List<CaseIndexEntry> Merged(List<List<CaseIndexEntry>> pages, int count) =>
        pages.SelectMany(p => p).OrderBy(c => c.Deadline).ThenBy(c => c.Id, StringComparer.Ordinal).Take(count).ToList();

    private static int InBoardOrder(CaseIndexEntry a, CaseIndexEntry b) =>
        a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : string.CompareOrdinal(a.Id, b.Id);

    public Task<Outcome<MonthlyRanking>> GetRankingAsync(string month) =>
        Months.TryParse(month, out _, out _)
            ? GrainFactory.GetGrain<IDispatchMonthGrain>(month).GetRankingAsync()
            : Task.FromResult(Outcome<MonthlyRanking>.Refuse(Refusal.Invalid, BadMonth(month)));

    public Task<Outcome<IReadOnlyList<Sanction>>> CloseMonthAsync(string month, Actor by) =>
        Months.TryParse(month, out _, out _)
            ? GrainFactory.GetGrain<IDispatchMonthGrain>(month).CloseAsync(by)
            : Task.FromResult(Outcome<IReadOnlyList<Sanction>>.Refuse(Refusal.Invalid, BadMonth(month)));

    public async Task<IReadOnlyList<Sanction>> GetSanctionsAsync(int? year)
    {
        var of = year ?? clock.Now().Year;
        if (of is < 2000 or > 9999)
            return [];
        var months = await Task.WhenAll(Enumerable.Range(1, 12).Select(m => GrainFactory.GetGrain<IDispatchMonthGrain>($"{of}-{m:D2}").GetSanctionsAsync()));
        return months.SelectMany(s => s).ToList();
    }

    public Task<ClassPage> GetClassPromptsAsync(int after, int limit) =>
        GrainFactory.GetGrain<IDispatchClassesGrain>(IDispatchClassesGrain.Key).ListAsync(after, limit);

    public Task<Outcome<ClassPrompt>> SetStandingFixAsync(string promptId, string measure, string owner, Actor by) =>
        GrainFactory.GetGrain<IDispatchClassesGrain>(IDispatchClassesGrain.Key).SetStandingFixAsync(promptId, measure, owner, by);

    private static string BadMonth(string month) => $"month '{month}' must be written yyyy-MM";

    /// <summary>Reports at one place share a grain: the same street, community, category and place (<see cref="IntakeRules.PlaceKey"/>).</summary>
    private static string PlaceGrainKey(NewCase report)
    {
        var place = $"{report.Street}|{report.Community}|{report.Category}|{IntakeRules.PlaceKey(report.Compound, report.Place.Trim())}";
        return "place-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(place)))[..32];
    }
}
