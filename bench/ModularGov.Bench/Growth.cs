using System.Diagnostics;

namespace ModularGov.Bench;

/// <summary>
/// How the cost of a write and of a read grows with what is on record (issue 10): cases accepted over HTTP, a month's
/// ranking over 10,000 cases and the board's first page with 1,000, 10,000 and 100,000 cases on record, and problems
/// filed into one grid holding 1,000, 10,000 and 100,000 problems. One district per size runs side by side in this
/// process, and every figure is measured in rounds that take the three districts in turn, so a machine that slows down
/// for a minute (this one's 2 cores moved a figure by a third from one minute to the next) slows all three alike.
/// </summary>
internal static class Growth
{
    private static readonly int[] Sizes = [1_000, 10_000, 100_000];
    private const int Rounds = 3;

    /// <summary>
    /// Records filed in each round of a rate: a count, not a time, since every record filed while measuring is on record too.
    /// The note beside each rate says how many were on record from the first round to the end of the last.
    /// </summary>
    private const int CasesPerRound = 1_000;
    private const int ProblemsPerRound = 3_000;

    public static async Task RunAsync(string root, string pluginPath, Action<string, string, string> report)
    {
        await WarmUpAsync(root, pluginPath);
        var districts = new List<GrowthDistrict>();
        try
        {
            foreach (var size in Sizes)
            {
                Console.Error.WriteLine($"growth: seeding a district with {size:N0} cases and a grid with {size:N0} problems");
                var district = await GrowthDistrict.StartAsync(Path.Combine(root, $"growth-{size}"), pluginPath, size);
                districts.Add(district);
                await district.SeedAsync();
            }
            Console.Error.WriteLine("growth: measuring the three side by side");
            var month = GrowthDistrict.Month;
            // The reads first, while nothing else runs; then the writes. The board's largest page: a page of 50 costs about
            // the HTTP round trip alone, so it would show the noise, not the board.
            var boards = await MediansMsAsync(districts, d => d.Http.GetAsync("/api/dispatch/cases?limit=500"));
            var ranked = districts.Where(d => d.Size >= GrowthDistrict.RankedCases).ToList();
            var rankings = await MediansMsAsync(ranked, d => d.Http.GetAsync($"/api/dispatch/rankings/{month}"));
            var casesBefore = districts.Select(d => d.Cases).ToList();
            var caseRates = await MedianRatesAsync(districts, (d, round) => d.FileCasesAsync($"measured{round}", CasesPerRound));
            var problemsBefore = districts.Select(d => d.Problems).ToList();
            var problemRates = await MedianRatesAsync(districts, (d, round) => d.FileProblemsAsync($"measured{round}", ProblemsPerRound));

            for (var i = 0; i < districts.Count; i++)
            {
                var d = districts[i];
                report($"board's first page (500 cases), {d.Size:N0} cases on record, median ms", $"{boards[i]:0.00}", "all streets, district token");
                if (ranked.IndexOf(d) is var r and >= 0)
                    report($"a month's ranking over {GrowthDistrict.RankedCases:N0} cases, {d.Size:N0} cases on record, median ms", $"{rankings[r]:0.0}",
                        "the month's cases read from their index records");
                report($"cases accepted/s over HTTP, {d.Size:N0} cases on record", $"{caseRates[i]:0}",
                    $"8 clients, a new place each; {casesBefore[i]:N0} → {d.Cases:N0} on record while measured");
            }
            for (var i = 0; i < districts.Count; i++)
                report($"problems filed/s over HTTP into one grid holding {districts[i].Size:N0} problems", $"{problemRates[i]:0}",
                    $"8 clients, the same grid; {problemsBefore[i]:N0} → {districts[i].Problems:N0} in it while measured");
        }
        finally
        {
            foreach (var district in districts)
                await district.DisposeAsync();
        }
    }

    /// <summary>
    /// Files cases and problems and reads the board on a throwaway district before the measured ones start: the code is
    /// compiled and past tiered JIT's first tier, and no record of the warm-up is on a measured district's record.
    /// </summary>
    private static async Task WarmUpAsync(string root, string pluginPath)
    {
        await using var district = await GrowthDistrict.StartAsync(Path.Combine(root, "growth-warm-up"), pluginPath, 0);
        await district.FileCasesAsync("warm-up", 3_000);
        await district.FileProblemsAsync("warm-up", 3_000);
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(5))
            (await district.Http.GetAsync("/api/dispatch/cases?limit=500")).Dispose();
    }

    /// <summary>Each district's rate: the median of <see cref="Rounds"/> rounds, each round taking the districts in turn.</summary>
    private static async Task<List<double>> MedianRatesAsync(List<GrowthDistrict> districts, Func<GrowthDistrict, int, Task<double>> measure)
    {
        var rates = districts.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < Rounds; round++)
            for (var i = 0; i < districts.Count; i++)
                rates[i].Add(await measure(districts[i], round));
        return rates.Select(r => r.Order().ElementAt(Rounds / 2)).ToList();
    }

    /// <summary>
    /// Each district's read time: after three seconds of warm-up each (the first reads activate grains and fill LiteDB's
    /// cache), the median of <see cref="Rounds"/> rounds' medians of 51 calls, each round taking the districts in turn.
    /// </summary>
    private static async Task<List<double>> MediansMsAsync(List<GrowthDistrict> districts, Func<GrowthDistrict, Task<HttpResponseMessage>> call)
    {
        foreach (var district in districts)
        {
            var warming = Stopwatch.StartNew();
            while (warming.Elapsed < TimeSpan.FromSeconds(3))
                (await call(district)).Dispose();
        }
        var medians = districts.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < districts.Count; i++)
            {
                var times = new List<double>();
                for (var n = 0; n < 51; n++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await call(districts[i]);
                    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                medians[i].Add(Measurements.Percentile(times, 50));
            }
        }
        return medians.Select(m => m.Order().ElementAt(Rounds / 2)).ToList();
    }
}
