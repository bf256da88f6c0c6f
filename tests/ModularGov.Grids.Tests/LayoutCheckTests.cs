using ModularGov.Grids.Layout;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.Grids.Tests;

/// <summary>A broken plan is refused, and the refusal names the compound or grid at fault.</summary>
public class LayoutCheckTests
{
    private static IReadOnlyList<string> CheckNanshanlu(Func<StreetLayout, StreetLayout> change) =>
        LayoutCheck.Check(BundledStreets.WithLayout("nanshanlu", change));

    private static MergePlan Merge(StreetLayout layout, Func<List<MergedCompound>, List<MergedCompound>> change) =>
        layout.MergePlan with { Compounds = change(layout.MergePlan.Compounds.ToList()) };

    [Fact]
    public void A_compound_left_out_of_the_merge_plan_is_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            MergePlan = Merge(l, merged => merged.Select(m => m.Members.Contains("c005") ? m with { Members = m.Members.Where(x => x != "c005").ToList() } : m).ToList()),
        });
        problems.Count(p => p.StartsWith("compound 'c005'") && p.EndsWith("is in no merged compound")).ShouldBe(1);
    }

    [Fact]
    public void A_compound_in_two_merged_compounds_is_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            MergePlan = Merge(l, merged => merged.Select((m, i) => i == 0 ? m with { Members = [.. m.Members, merged[5].Members[0]] } : m).ToList()),
        });
        var twice = BundledStreets.Get("nanshanlu").Layout.MergePlan.Compounds[5].Members[0];
        problems.Count(p => p.StartsWith($"compound '{twice}' is in both")).ShouldBe(1);
    }

    [Fact]
    public void Merging_compounds_that_are_not_neighbours_is_refused_and_the_merged_compound_named()
    {
        var layout = BundledStreets.Get("nanshanlu").Layout;
        var byCode = layout.Compounds.ToDictionary(c => c.Code);
        var first = layout.MergePlan.Compounds.First(m => m.Members.Count == 1);
        var far = layout.MergePlan.Compounds.First(m => m.Members.Count == 1 && m.Code != first.Code && m.Community == first.Community
            && !byCode[m.Members[0]].Adjacent.Contains(first.Members[0]));
        var problems = CheckNanshanlu(l => l with
        {
            MergePlan = Merge(l, merged => merged.Where(m => m.Code != far.Code)
                .Select(m => m.Code == first.Code ? m with { Members = [.. m.Members, .. far.Members] } : m).ToList()),
        });
        problems.Count(p => p.StartsWith($"merged compound '{first.Code}' joins compounds that neither share a boundary nor a facility")).ShouldBe(1);
    }

    [Fact]
    public void A_grid_outside_the_households_rule_is_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            GridPlan = l.GridPlan with
            {
                Grids = l.GridPlan.Grids.Select(g => g.Code == "g001" ? g with { Parts = [g.Parts[0] with { Households = 620 }] } : g).ToList(),
            },
        });
        problems.Count(p => p.StartsWith("grid 'g001' covers 620 households, outside the street's 300–500")).ShouldBe(1);
        problems.Count(p => p.Contains("its grids cover")).ShouldBe(1, "the compound is now over-covered too");
    }

    [Fact]
    public void A_grid_without_its_full_scope_worker_or_micro_grid_leads_is_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            GridPlan = l.GridPlan with
            {
                Grids = l.GridPlan.Grids.Select(g => g.Code switch
                {
                    "g002" => g with { Worker = new GridPerson("", true) },
                    "g003" => g with { MicroGridLeads = [] },
                    _ => g,
                }).ToList(),
            },
        });
        problems.ShouldContain("grid 'g002' has no full-scope grid worker (全科网格员)");
        problems.ShouldContain("grid 'g003' has no micro-grid lead (微网格长)");
    }

    [Fact]
    public void A_merged_compound_in_no_grid_is_named()
    {
        var grids = BundledStreets.Get("nanshanlu").Layout.GridPlan.Grids;
        var dropped = grids.First(g => grids.Count(other => other.Parts.Any(p => p.Compound == g.Parts[0].Compound)) == 1);
        var problems = CheckNanshanlu(l => l with { GridPlan = l.GridPlan with { Grids = l.GridPlan.Grids.Where(g => g.Code != dropped.Code).ToList() } });
        problems.Count(p => p.StartsWith($"merged compound '{dropped.Parts[0].Compound}'") && p.EndsWith("is in no grid")).ShouldBe(1);
    }

    [Fact]
    public void Compounds_that_do_not_add_up_to_their_community_are_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            Compounds = l.Compounds.Select(c => c.Code == "c001" ? c with { Households = c.Households + 1, Residents = c.Residents + 1 } : c).ToList(),
        });
        var community = BundledStreets.Get("nanshanlu").Layout.Compounds.Single(c => c.Code == "c001").Community;
        problems.Count(p => p.StartsWith($"community '{community}': its compounds hold")).ShouldBe(1);
    }

    [Fact]
    public void One_sided_adjacency_is_named()
    {
        var problems = CheckNanshanlu(l => l with
        {
            Compounds = l.Compounds.Select(c => c.Code == "c001" ? c with { Adjacent = [.. c.Adjacent, "c129"] } : c).ToList(),
        });
        problems.ShouldContain("compound 'c001' lists 'c129' as adjacent but not the other way round");
    }

    [Fact]
    public void A_street_without_compounds_is_refused()
    {
        CheckNanshanlu(_ => StreetLayout.Empty).ShouldBe(["the street ships no compounds"]);
    }
}
