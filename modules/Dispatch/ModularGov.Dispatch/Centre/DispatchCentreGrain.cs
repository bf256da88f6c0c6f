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

    public async Task<BoardPage> GetBoardAsync(BoardQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, BoardPage.MaxLimit);
        var codes = (query.Streets ?? streets.All.Select(s => s.Code).ToList()).Where(c => streets.Find(c) is not null);
        // One more than the page, from each street, tells whether a next page exists.
        var pages = await Task.WhenAll(codes.Select(c => GrainFactory.GetGrain<IDispatchBoardGrain>(c).GetPageAsync(query with { Limit = limit + 1 })));
        var merged = pages.SelectMany(p => p).OrderBy(c => c.Deadline).ThenBy(c => c.Id, StringComparer.Ordinal).Take(limit + 1).ToList();
        var page = merged.Take(limit).ToList();
        return new BoardPage(page, merged.Count > limit ? BoardCursor.Of(page[^1]) : null);
    }

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
