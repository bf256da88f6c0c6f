using ModularGov.Grids.Contracts;
using ModularGov.SharedKernel.Http;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Grids.Tests;

/// <summary>Grid grains on a two-silo cluster: problems, their lifecycle and escalation, idempotency, routing.</summary>
public sealed class GridGrainTests(GridCluster cluster) : IClassFixture<GridCluster>
{
    private static readonly GridActor GridWorker = new(GridCluster.Person("网格员", "grid-worker", "grid:nanshanlu.g001"), ProblemLevel.Grid);
    private static readonly GridActor Community = new(GridCluster.Person("社区", "community-worker", "community:nanshanlu.x"), ProblemLevel.Community);
    private static readonly GridActor Street = new(GridCluster.Person("街道", "street-operator", "street:nanshanlu"), ProblemLevel.Street);

    private static NewProblem Problem(string description, ProblemCategory category = ProblemCategory.Environment, string? compound = null,
        ProblemSource source = ProblemSource.GridWorker, string? station = null) => new()
    {
        Category = category,
        Description = description,
        Location = "3号楼前",
        Compound = compound,
        Source = source,
        Station = station,
    };

    private static string Key() => Guid.NewGuid().ToString("N");

    /// <summary>Records holding lists compare by reference; their JSON compares by value.</summary>
    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);

    private async Task<ProblemView> FileAsync(string grid, NewProblem problem, int silo = 0) =>
        (await cluster.Silo(silo).GetGrain<IGridGrain>(grid).FileAsync(problem, GridWorker.Actor, Key())).Value!.Problem;

    [Fact]
    public async Task A_problem_filed_through_one_silo_is_the_same_through_the_other_and_in_the_street_summary()
    {
        var before = await cluster.Silo(1).GetGrain<IStreetGridsGrain>("nanshanlu").GetTotalsAsync();
        var filed = await FileAsync("nanshanlu.g002", Problem("垃圾未清运"), silo: 0);
        filed.Id.ShouldStartWith("nanshanlu.g002.p");

        Json(await cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g002").GetProblemAsync(filed.Id)).ShouldBe(Json(filed));
        var snapshots = await Task.WhenAll(cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g002").GetSnapshotAsync(),
            cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g002").GetSnapshotAsync());
        Json(snapshots[0]).ShouldBe(Json(snapshots[1]));
        snapshots[0].Problems.Filed.ShouldBeGreaterThanOrEqualTo(1);

        var after = await cluster.Silo(1).GetGrain<IStreetGridsGrain>("nanshanlu").GetTotalsAsync();
        after.Problems.Filed.ShouldBe(before.Problems.Filed + 1);
        (await cluster.Silo(0).GetGrain<IStreetGridsGrain>("nanshanlu").GetTotalsAsync()).Problems.ShouldBe(after.Problems);
    }

    [Fact]
    public async Task A_problem_goes_filed_accepted_in_progress_resolved_and_every_step_is_audited()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g003");
        var filed = await FileAsync("nanshanlu.g003", Problem("下水道堵塞"));
        (await grid.AcceptAsync(filed.Id, GridWorker)).Value!.Status.ShouldBe(ProblemStatus.Accepted);
        (await grid.StartAsync(filed.Id, GridWorker)).Value!.Status.ShouldBe(ProblemStatus.InProgress);
        var resolved = (await grid.ResolveAsync(filed.Id, "已疏通 (drain cleared)", GridWorker)).Value!;
        resolved.Status.ShouldBe(ProblemStatus.Resolved);
        resolved.Resolution.ShouldBe("已疏通 (drain cleared)");
        resolved.History.Select(h => h.Action).ShouldBe(["file", "accept", "start", "resolve"]);
        resolved.History.ShouldAllBe(h => h.By.Label == "网格员");
    }

    [Fact]
    public async Task An_open_problem_filed_with_coordinates_is_on_the_grid_s_map_until_it_is_resolved()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g005");
        var placed = await FileAsync("nanshanlu.g005", Problem("井盖缺失") with { Position = new GeoPosition(37.8451, 113.5902) });
        var unplaced = await FileAsync("nanshanlu.g005", Problem("垃圾未清运"));
        var mapped = (await grid.GetSnapshotAsync()).MappedProblems;
        mapped.Select(m => m.ProblemId).ShouldBe([placed.Id]);
        (mapped[0].Latitude, mapped[0].Longitude, mapped[0].Category).ShouldBe((37.8451, 113.5902, ProblemCategory.Environment));
        await grid.AcceptAsync(placed.Id, GridWorker);
        (await grid.GetSnapshotAsync()).MappedProblems.Count.ShouldBe(1, "accepted is still open");
        await grid.AcceptAsync(unplaced.Id, GridWorker);
        await grid.StartAsync(placed.Id, GridWorker);
        await grid.ResolveAsync(placed.Id, "已补盖", GridWorker);
        (await grid.GetSnapshotAsync()).MappedProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_and_changes_nothing()
    {
        var grid = cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g004");
        var filed = await FileAsync("nanshanlu.g004", Problem("路灯不亮"));
        (await grid.StartAsync(filed.Id, GridWorker)).Refusal.ShouldBe(Refusal.Conflict);
        (await grid.ResolveAsync(filed.Id, "修好了", GridWorker)).Refusal.ShouldBe(Refusal.Conflict);
        (await grid.ResolveAsync(filed.Id, "", GridWorker)).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.AcceptAsync("nanshanlu.g004.p99999", GridWorker)).Refusal.ShouldBe(Refusal.NotFound);
        (await grid.GetProblemAsync(filed.Id))!.History.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_problem_escalates_grid_community_street_to_the_dispatch_centre_intake()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g005");
        var filed = await FileAsync("nanshanlu.g005", Problem("楼顶漏水,多部门职责交叉", ProblemCategory.Facilities));

        var atCommunity = (await grid.EscalateAsync(filed.Id, "网格无法解决", GridWorker)).Value!;
        atCommunity.Level.ShouldBe(ProblemLevel.Community);
        atCommunity.Status.ShouldBe(ProblemStatus.Escalated);
        (await grid.AcceptAsync(filed.Id, GridWorker)).Refusal.ShouldBe(Refusal.Forbidden);
        (await grid.EscalateAsync(filed.Id, "再上报", GridWorker)).Refusal.ShouldBe(Refusal.Forbidden);

        (await grid.EscalateAsync(filed.Id, "社区无权处理", Community)).Value!.Level.ShouldBe(ProblemLevel.Street);
        var atCentre = (await grid.EscalateAsync(filed.Id, "职责交叉,提请联合调度", Street)).Value!;
        atCentre.Level.ShouldBe(ProblemLevel.DispatchCentre);
        atCentre.AssignedTo.ShouldContain("联合调度中心");
        (await grid.EscalateAsync(filed.Id, "again", Street)).Refusal.ShouldBe(Refusal.Forbidden);

        var intake = cluster.Silo(1).GetGrain<IDispatchIntakeGrain>("nanshanlu");
        var pending = (await intake.GetPendingAsync()).Single(p => p.ProblemId == filed.Id);
        pending.Reason.ShouldBe("职责交叉,提请联合调度");
        pending.GridId.ShouldBe("nanshanlu.g005");
        (await intake.TakeAsync(filed.Id, "case-1")).Value!.TakenAsCase.ShouldBe("case-1");
        (await intake.TakeAsync(filed.Id, "case-1")).IsOk.ShouldBeTrue("taking is idempotent");
        (await intake.TakeAsync(filed.Id, "case-2")).Refusal.ShouldBe(Refusal.Conflict);
        (await intake.GetPendingAsync()).Count(p => p.ProblemId == filed.Id).ShouldBe(0);
        atCentre.History.Select(h => h.Action).ShouldBe(["file", "escalate", "escalate", "escalate"]);
    }

    [Fact]
    public async Task A_retried_filing_returns_the_same_problem_and_a_reused_key_with_another_body_is_refused()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g006");
        var before = (await grid.ListProblemsAsync(null, 0, ProblemPage.MaxLimit)).Problems.Count;
        var key = Key();
        var first = await grid.FileAsync(Problem("井盖缺失"), GridWorker.Actor, key);
        var retry = await cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g006").FileAsync(Problem("井盖缺失"), GridWorker.Actor, key);
        retry.Value!.Replayed.ShouldBeTrue();
        retry.Value.Problem.Id.ShouldBe(first.Value!.Problem.Id);

        var clash = await grid.FileAsync(Problem("井盖缺失,已有人受伤"), GridWorker.Actor, key);
        clash.Refusal.ShouldBe(Refusal.Conflict);
        (await grid.ListProblemsAsync(null, 0, ProblemPage.MaxLimit)).Problems.Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_list_by_status_pages_on_from_where_the_last_page_stopped()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g007");
        var filed = new List<ProblemView>();
        for (var n = 1; n <= 6; n++)
            filed.Add(await FileAsync("nanshanlu.g007", Problem($"事项 {n}")));
        await grid.AcceptAsync(filed[1].Id, GridWorker);
        await grid.AcceptAsync(filed[4].Id, GridWorker);

        var first = await grid.ListProblemsAsync(ProblemStatus.Accepted, 0, 1);
        first.Problems.Select(p => p.Id).ShouldBe([filed[1].Id]);
        first.NextAfter.ShouldBe(2);
        var second = await grid.ListProblemsAsync(ProblemStatus.Accepted, first.NextAfter!.Value, 1);
        second.Problems.Select(p => p.Id).ShouldBe([filed[4].Id]);
        var last = await grid.ListProblemsAsync(ProblemStatus.Accepted, second.NextAfter!.Value, 1);
        last.Problems.ShouldBeEmpty();
        last.NextAfter.ShouldBeNull();
    }

    [Fact]
    public async Task Problems_since_a_moment_come_newest_first_and_page_back_to_it()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g040");
        var filed = new List<ProblemView>();
        for (var n = 1; n <= 3; n++)
            filed.Add(await FileAsync("nanshanlu.g040", Problem($"近期事项 {n}")));

        var first = await grid.ListProblemsSinceAsync(DateTimeOffset.MinValue, null, 2);
        first.Problems.Select(p => p.Id).ShouldBe([filed[2].Id, filed[1].Id]);
        first.NextAfter.ShouldBe(2);
        var rest = await grid.ListProblemsSinceAsync(DateTimeOffset.MinValue, first.NextAfter, 2);
        rest.Problems.Select(p => p.Id).ShouldBe([filed[0].Id]);
        rest.NextAfter.ShouldBeNull();

        var since = filed[1].FiledAt;
        var recent = await grid.ListProblemsSinceAsync(since, null, 10);
        recent.Problems.Select(p => p.Id).ShouldBe(filed.Where(p => p.FiledAt >= since).Reverse().Select(p => p.Id));
        recent.NextAfter.ShouldBeNull();
        (await grid.ListProblemsSinceAsync(filed[2].FiledAt.AddSeconds(1), null, 10)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_stops_after_reading_the_scan_limit_and_says_where_to_go_on()
    {
        var grid = cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g008");
        foreach (var batch in Enumerable.Range(1, ProblemPage.ScanLimit + 2).Chunk(500))
            await Task.WhenAll(batch.Select(n => grid.FileAsync(Problem($"批量 {n}"), GridWorker.Actor, $"scan-{n}")));

        var page = await grid.ListProblemsAsync(ProblemStatus.Resolved, 0, 10);
        page.Problems.ShouldBeEmpty();
        page.NextAfter.ShouldBe(ProblemPage.ScanLimit);
        var rest = await grid.ListProblemsAsync(ProblemStatus.Resolved, page.NextAfter!.Value, 10);
        rest.Problems.ShouldBeEmpty();
        rest.NextAfter.ShouldBeNull();
    }

    [Fact]
    public async Task Invalid_problems_are_refused_and_nothing_is_written()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g096");
        var before = await grid.GetSnapshotAsync();
        (await grid.FileAsync(Problem(new string('长', TextRules.MaxReport + 1)), GridWorker.Actor, Key())).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.FileAsync(Problem(" "), GridWorker.Actor, Key())).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.FileAsync(Problem("ok"), GridWorker.Actor, "")).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.FileAsync(Problem("ok", compound: "c999"), GridWorker.Actor, Key())).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.FileAsync(Problem("ok", source: ProblemSource.Station, station: "nosuch"), GridWorker.Actor, Key())).Refusal.ShouldBe(Refusal.Invalid);
        (await grid.FileAsync(Problem("ok") with { PhotoUrl = "javascript:alert(1)" }, GridWorker.Actor, Key())).Refusal.ShouldBe(Refusal.Invalid);
        var after = await grid.GetSnapshotAsync();
        after.Problems.ShouldBe(before.Problems);
        after.LastActivity.ShouldBe(before.LastActivity);
    }

    [Fact]
    public async Task A_property_problem_goes_to_whoever_the_compounds_tier_makes_responsible()
    {
        var layout = BundledStreets.Get("nanshanlu").Layout;
        string GridOf(string merged) => layout.GridPlan.Grids.First(g => g.Parts.Any(p => p.Compound == merged)).Code;
        var market = layout.Tiers.First(t => t.Tier == SharedKernel.Layout.PropertyTier.Market);
        var fallback = layout.Tiers.First(t => t.Tier == SharedKernel.Layout.PropertyTier.Fallback);
        var untiered = layout.MergePlan.Compounds.First(m => layout.Tiers.All(t => t.Compound != m.Code));

        (await FileAsync($"nanshanlu.{GridOf(market.Compound)}", Problem("电梯故障", ProblemCategory.Property, market.Compound))).AssignedTo.ShouldStartWith(market.Company!);
        (await FileAsync($"nanshanlu.{GridOf(fallback.Compound)}", Problem("楼道灯坏", ProblemCategory.Property, fallback.Compound))).AssignedTo.ShouldStartWith("洁诚物业");
        (await FileAsync($"nanshanlu.{GridOf(untiered.Code)}", Problem("化粪池满", ProblemCategory.Property, untiered.Members[0]))).AssignedTo.ShouldContain("居委会");
        (await FileAsync($"nanshanlu.{GridOf(fallback.Compound)}", Problem("占道经营", ProblemCategory.Environment, fallback.Compound))).AssignedTo.ShouldContain("全科网格员");
    }

    [Fact]
    public async Task Station_reports_are_counted_per_station()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g010");
        var station = GridCluster.Person("微蜂驿站", "station-operator", "station:nanshanlu.wf02");
        var filed = (await grid.FileAsync(Problem("共享单车乱停", source: ProblemSource.Station, station: "wf02"), station, Key())).Value!.Problem;
        await grid.AcceptAsync(filed.Id, GridWorker);
        await grid.ResolveAsync(filed.Id, "已清理", GridWorker);
        var totals = await cluster.Silo(1).GetGrain<IStreetGridsGrain>("nanshanlu").GetTotalsAsync();
        totals.ByStation["wf02"].ShouldBe(new StationCounts(1, 1));
    }

    [Fact]
    public async Task Who_is_on_duty_is_recorded_and_must_be_one_of_the_grids_people()
    {
        var grid = cluster.Silo(0).GetGrain<IGridGrain>("nanshanlu.g011");
        var snapshot = await grid.GetSnapshotAsync();
        snapshot.OnDuty.ShouldBe(snapshot.Worker);
        var lead = snapshot.MicroGridLeads[0];
        (await grid.SetOnDutyAsync(lead, GridWorker.Actor)).Value!.OnDuty.ShouldBe(lead);
        (await grid.SetOnDutyAsync("路人甲", GridWorker.Actor)).Refusal.ShouldBe(Refusal.Invalid);
        (await cluster.Silo(1).GetGrain<IGridGrain>("nanshanlu.g011").GetSnapshotAsync()).OnDuty.ShouldBe(lead);
    }
}
