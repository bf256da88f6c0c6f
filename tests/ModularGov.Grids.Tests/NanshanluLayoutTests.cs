using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Layout;
using ModularGov.SharedKernel.Rules;

namespace ModularGov.Grids.Tests;

/// <summary>Nanshanlu's "divide" (DOMAIN.md §4), reproduced from its plugin's data by the Grids module.</summary>
public class NanshanluLayoutTests
{
    private static readonly StreetLayout Layout = BundledStreets.Get("nanshanlu").Layout;

    [Fact]
    public void Nanshanlu_ships_129_compounds_and_an_approved_plan_merging_them_into_81()
    {
        Layout.Compounds.Count.ShouldBe(129);
        Layout.MergePlan.Compounds.Count.ShouldBe(81);
        Layout.MergePlan.Compounds.SelectMany(m => m.Members).Order().ShouldBe(Layout.Compounds.Select(c => c.Code).Order());
    }

    [Fact]
    public void The_proposal_from_adjacency_facilities_distance_and_size_is_the_approved_81()
    {
        var groups = MergeProposer.Propose(Layout.Compounds, StreetRules.GridRulesOf(BundledStreets.Get("nanshanlu")));
        groups.Count.ShouldBe(81);
        var approved = Layout.MergePlan.Compounds.Select(m => string.Join(',', m.Members.Order(StringComparer.Ordinal))).Order().ToList();
        groups.Select(g => string.Join(',', g)).Order().ShouldBe(approved);
    }

    [Fact]
    public void Nanshanlu_has_96_grids_covering_34977_households_each_with_its_worker_and_micro_grid_leads()
    {
        var grids = Layout.GridPlan.Grids;
        grids.Count.ShouldBe(96);
        grids.Sum(g => g.Parts.Sum(p => p.Households)).ShouldBe(34_977);
        grids.Sum(g => g.Parts.Sum(p => p.Residents)).ShouldBe(67_243);
        grids.Count(g => string.IsNullOrWhiteSpace(g.Worker.Name)).ShouldBe(0);
        grids.Count(g => g.MicroGridLeads.Count == 0).ShouldBe(0);
        grids.Count(g => g.Parts.Sum(p => p.Households) is < 300 or > 500).ShouldBe(0);
        Math.Round(34_977 / 96.0).ShouldBe(364);
    }

    [Fact]
    public void Nanshanlu_tiers_are_19_market_34_fallback_8_self_governed_and_20_not_yet_tiered()
    {
        Layout.Tiers.Count(t => t.Tier == PropertyTier.Market).ShouldBe(19);
        Layout.Tiers.Count(t => t.Tier == PropertyTier.Fallback).ShouldBe(34);
        Layout.Tiers.Count(t => t.Tier == PropertyTier.SelfGoverned).ShouldBe(8);
        (Layout.MergePlan.Compounds.Count - Layout.Tiers.Count).ShouldBe(20);
        Layout.Tiers.Where(t => t.Tier == PropertyTier.Fallback).ShouldAllBe(t => t.Company == "洁诚物业");
    }

    [Fact]
    public void Drawing_grids_over_the_81_compounds_with_the_300_to_500_rule_gives_96_grids_covering_every_household()
    {
        var nanshanlu = BundledStreets.Get("nanshanlu");
        var drawn = GridDrawer.Draw(nanshanlu.Layout, StreetRules.GridRulesOf(nanshanlu));
        drawn.Count.ShouldBe(96);
        drawn.Sum(g => g.Parts.Sum(p => p.Households)).ShouldBe(34_977);
        drawn.Count(g => g.Parts.Sum(p => p.Households) is < 300 or > 500).ShouldBe(0);
        LayoutCheck.CheckGridPlan(Layout.GridPlan with { Grids = drawn.Select(g => g with { Worker = new("某", true), MicroGridLeads = [new("某", true)] }).ToList() },
            Layout.MergePlan, Layout.Compounds, StreetRules.GridRulesOf(nanshanlu)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("shangzhan")]
    [InlineData("beidajie")]
    [InlineData("yijing")]
    public void Drawing_grids_for_every_other_street_gives_as_many_grids_as_its_approved_plan(string code)
    {
        var street = BundledStreets.Get(code);
        GridDrawer.Draw(street.Layout, StreetRules.GridRulesOf(street)).Count.ShouldBe(street.Layout.GridPlan.Grids.Count);
    }

    [Fact]
    public void Over_70_percent_of_the_housing_is_from_the_1980s()
    {
        var eighties = Layout.Compounds.Count(c => c.BuildYear is >= 1980 and <= 1989);
        (eighties / (double)Layout.Compounds.Count).ShouldBeGreaterThan(0.7);
    }

    [Fact]
    public void Nanshanlus_weifeng_stations_reported_595_problems_before_the_system_all_resolved()
    {
        var weifeng = Layout.Stations.Where(s => s.Kind == "微蜂驿站").ToList();
        weifeng.ShouldNotBeEmpty();
        weifeng.Sum(s => s.History!.Reported).ShouldBe(595);
        weifeng.Sum(s => s.History!.Resolved).ShouldBe(595);
    }

    [Theory]
    [InlineData("nanshanlu")]
    [InlineData("shangzhan")]
    [InlineData("beidajie")]
    [InlineData("yijing")]
    public void Every_bundled_street_passes_every_layout_check_and_its_proposal_matches_its_plan(string code)
    {
        var street = BundledStreets.Get(code);
        LayoutCheck.Check(street).ShouldBeEmpty();
        MergeProposer.Propose(street.Layout.Compounds, StreetRules.GridRulesOf(street)).Count.ShouldBe(street.Layout.MergePlan.Compounds.Count);
        street.Layout.Compounds.Sum(c => c.Households).ShouldBe(street.Profile.Households);
    }

    [Fact]
    public void Yijing_draws_its_village_grids_by_its_own_rule()
    {
        var yijing = BundledStreets.Get("yijing");
        StreetRules.GridRulesOf(yijing).MinHouseholdsPerGrid.ShouldBe(150);
        StreetRules.GridRulesOf(BundledStreets.Get("shangzhan")).ShouldBe(GridRules.Default);
        yijing.Layout.GridPlan.Grids.Count(g => g.Parts.Sum(p => p.Households) < 300).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Beidajies_donggou_has_the_1984_compound_of_the_reference_case()
    {
        var compound = BundledStreets.Get("beidajie").Layout.Compounds.Single(c => c.Name == "东沟1984小区");
        compound.Community.ShouldBe("donggou");
        compound.BuildYear.ShouldBe(1984);
        compound.Households.ShouldBe(38);
    }
}
