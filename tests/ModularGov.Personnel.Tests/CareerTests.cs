using ModularGov.Personnel.Contracts;
using ModularGov.Personnel.Views;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;

namespace ModularGov.Personnel.Tests;

/// <summary>全链条晋升: one rung at a time, or a named channel; Nanshanlu's history is on its record.</summary>
public sealed class CareerTests(PersonnelCluster cluster) : IClassFixture<PersonnelCluster>
{
    private static readonly Actor Office = new("上站街道办", "street-operator", "street:shangzhan", "token-office");

    private async Task<Person> FirstAsync(string street, Func<Person, bool> which)
    {
        var people = await cluster.Silo(0).GetGrain<IPersonnelGrain>(street).ListPeopleAsync(0, 1000);
        return people.Items.First(which);
    }

    /// <summary>The same person with the same career (a record compares its list of moves by reference).</summary>
    private static bool Same(Person a, Person b) => a with { Moves = [] } == b with { Moves = [] } && a.Moves.SequenceEqual(b.Moves);

    [Fact]
    public async Task Nanshanlu_s_record_has_10_grid_workers_made_community_workers_4_selections_and_5_directed_recruitments()
    {
        var promotions = Promotions.Of(await cluster.Silo(1).GetGrain<IPersonnelGrain>("nanshanlu").GetMoveCountsAsync());
        (promotions.GridWorkersToCommunityWorkers, promotions.Selection, promotions.DirectedRecruitment, promotions.Total).ShouldBe((10, 4, 5, 19));
    }

    [Fact]
    public async Task A_grid_worker_steps_up_to_community_worker_and_the_move_is_on_their_career()
    {
        var worker = await FirstAsync("shangzhan", p => p.Rung == CareerRung.GridWorker);
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("shangzhan");
        var before = Promotions.Of(await grain.GetMoveCountsAsync());

        var moved = (await grain.MoveAsync(worker.Id, CareerRung.CommunityWorker, CareerChannel.Step, "上站街道党工委", Office)).Value!;
        moved.Rung.ShouldBe(CareerRung.CommunityWorker);
        moved.Community.ShouldBe(worker.Community);
        moved.Moves.Count.ShouldBe(1);
        (moved.Moves[0].From, moved.Moves[0].To, moved.Moves[0].On).ShouldBe((CareerRung.GridWorker, CareerRung.CommunityWorker, new DateOnly(2026, 12, 1)));
        Promotions.Of(await grain.GetMoveCountsAsync()).GridWorkersToCommunityWorkers.ShouldBe(before.GridWorkersToCommunityWorkers + 1);
        await cluster.DeactivateAllAsync();
        Same((await cluster.Silo(1).GetGrain<IPersonnelGrain>("shangzhan").GetPersonAsync(worker.Id))!, moved).ShouldBeTrue();
    }

    [Fact]
    public async Task A_move_that_skips_a_rung_or_misuses_a_channel_is_refused_with_the_reason_and_changes_nothing()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("shangzhan");
        var worker = await FirstAsync("shangzhan", p => p.Rung == CareerRung.GridWorker && p.Moves.Count == 0);
        var skip = await grain.MoveAsync(worker.Id, CareerRung.PublicInstitution, CareerChannel.Step, "上站街道党工委", Office);
        skip.Refusal.ShouldBe(Refusal.Invalid);
        skip.Reason!.ShouldContain("逐级");

        var plain = await FirstAsync("shangzhan", p => p.Rung == CareerRung.CommunityWorker && p.Committee == CommitteeRole.None);
        (await grain.MoveAsync(plain.Id, CareerRung.PublicInstitution, CareerChannel.Selection, "城区委组织部", Office)).Reason!.ShouldContain("选聘只适用于");
        (await grain.MoveAsync(plain.Id, CareerRung.CivilServant, CareerChannel.DirectedRecruitment, "市公务员局", Office)).Reason!.ShouldContain("定向考录只适用于");
        (await grain.MoveAsync(plain.Id, CareerRung.CivilServant, CareerChannel.Step, "市公务员局", Office)).Refusal.ShouldBe(Refusal.Invalid);
        (await grain.MoveAsync(plain.Id, CareerRung.PublicInstitution, CareerChannel.Step, "", Office)).Reason!.ShouldContain("批准机关");
        (await grain.MoveAsync("shangzhan.r9999", CareerRung.PublicInstitution, CareerChannel.Step, "x", Office)).Refusal.ShouldBe(Refusal.NotFound);

        Same((await grain.GetPersonAsync(worker.Id))!, worker).ShouldBeTrue("a refused move changes nothing");
        Same((await grain.GetPersonAsync(plain.Id))!, plain).ShouldBeTrue("a refused move changes nothing");
    }

    [Fact]
    public async Task A_community_secretary_is_selected_into_a_public_institution_post_and_leaves_the_community_for_the_street_office()
    {
        var grain = cluster.Silo(0).GetGrain<IPersonnelGrain>("yijing");
        var secretary = await FirstAsync("yijing", p => p.Committee == CommitteeRole.Secretary);
        var office = (await grain.GetStaffingAsync()).OfficeStaffOnRoster;

        var selected = (await grain.MoveAsync(secretary.Id, CareerRung.PublicInstitution, CareerChannel.Selection, "城区委组织部", Office)).Value!;
        (selected.Rung, selected.Community, selected.Committee).ShouldBe((CareerRung.PublicInstitution, (string?)null, CommitteeRole.None));
        selected.Moves[0].Committee.ShouldBe(CommitteeRole.Secretary, "the move records the seat it was made from");
        (await grain.GetStaffingAsync()).OfficeStaffOnRoster.ShouldBe(office + 1);
        Promotions.Of(await grain.GetMoveCountsAsync()).Selection.ShouldBe(1);
    }
}
