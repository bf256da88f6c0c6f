namespace ModularGov.Bench;

/// <summary>The growth section of docs/benchmarks.md: this run's figures beside those measured before issue 10's change.</summary>
internal static class GrowthReport
{
    public const string Heading = "## Growth with what is on record";

    public static string Section(IEnumerable<(string Measure, string Figure, string Note)> rows, string machine, double seconds) =>
        string.Join("\n", new[]
        {
            Heading,
            "",
            $"Measured {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz} on {machine}, with `dotnet run -c Release --project bench/ModularGov.Bench -- {seconds:0} growth` " +
                "(also part of the full run). Records are seeded through grain calls into a host on LiteDB without the fsync, so that 200,000 records " +
                "seed in minutes; the durable write figures are in the table above. Before each size is measured the seeded grains are put to rest " +
                "(records filed over months are not held in memory), each rate is the median of three windows of a fixed number of records (1,000 cases, " +
                "3,000 problems; what they add is on record too, so the note says how many were on record from the first window to the end of the last), " +
                "and each read is the median of three rounds of 51 calls after three seconds of warm-up. The figures for the three sizes come from one run. " +
                "A figure that stays level from 1,000 to 100,000 records on record is the goal.",
            "",
            "| measure | figure | notes |",
            "|---|---|---|",
        }.Concat(rows.Select(r => $"| {r.Measure} | {r.Figure} | {r.Note} |")).Concat(new[]
        {
            "",
            "Before (the dispatch centre kept every case, source key and class in one grain state and rewrote it on every step), measured " +
                "on this machine for issue 10, 8 clients filing cases over HTTP: 133 cases/s with 500 on record, 93/s at 1,000, 61/s at 3,000, " +
                "38/s at 5,000, falling on until LiteDB's 16 MB document limit would refuse the centre's state altogether.",
            "",
        }));
}
