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
                "(also part of the full run). One district per size runs side by side in one process, each on LiteDB without the fsync and seeded " +
                "through grain calls (so 111,000 records seed in minutes; the durable write figures are in the table above), its seeded grains put to " +
                "rest before measuring (records filed over months are not held in memory). Every figure is the median of three rounds, each round " +
                "taking the three districts in turn, so a minute in which the machine slows down slows all three: a rate's round files a fixed " +
                "number of records (1,000 cases, 3,000 problems; they are on record too, and the note says how many were on record from the first " +
                "round to the end of the last), a read's round is the median of 51 calls after three seconds of warm-up. The code is warmed up first " +
                "on a throwaway district. " +
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
