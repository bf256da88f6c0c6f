using Microsoft.Extensions.DependencyInjection;
using ModularGov.Personnel.Careers;
using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Personnel;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;
using Orleans.Storage;

namespace ModularGov.Personnel.Roster;

internal sealed partial class PersonnelGrain(
    [PersistentState("personnel", GrainStorage.Name)] IPersistentState<PersonnelState> state,
    IStreetDirectory streets,
    PersonnelOptions options,
    TimeProvider clock) : Grain, IPersonnelGrain
{
    private IStreet _street = null!;
    private PagedList<Person> _people = null!;
    private PagedList<StaffingChange> _changes = null!;
    private PagedList<TurnoverLoan> _loans = null!;
    private PagedList<Secondment> _secondments = null!;
    private PagedList<StarRating> _ratings = null!;
    private PagedList<TrainingRecord> _training = null!;
    /// <summary>Each person's position in the roster, read from the roster at activation (the roster is bounded: <see cref="PersonnelLimits.Roster"/>).</summary>
    private readonly Dictionary<string, int> _positions = [];
    private RosterCounts _counts = new();

    private string Street => _street.Code;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _street = streets.Find(this.GetPrimaryKeyString()) ?? throw new InvalidOperationException($"street '{this.GetPrimaryKeyString()}' is not served");
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        _people = new PagedList<Person>(storage, "personnel-people", Street);
        _changes = new PagedList<StaffingChange>(storage, "personnel-staffing", Street);
        _loans = new PagedList<TurnoverLoan>(storage, "personnel-loans", Street);
        _secondments = new PagedList<Secondment>(storage, "personnel-secondments", Street);
        _ratings = new PagedList<StarRating>(storage, "personnel-ratings", Street);
        _training = new PagedList<TrainingRecord>(storage, "personnel-training", Street);
        if (!state.State.Seeded)
            await SeedAsync();
        var people = await _people.ReadAsync(0, state.State.PersonCount, state.State.PersonCount);
        for (var i = 0; i < people.Count; i++)
            _positions[people[i].Id] = i;
        _counts = RosterCounts.Of(_street, people);
    }

    /// <summary>The first activation takes what the plugin ships: figures, roster (with each person's moves) and past secondments.</summary>
    private async Task SeedAsync()
    {
        var shipped = _street.Personnel;
        var moves = shipped.Moves.GroupBy(m => m.Person).ToDictionary(g => g.Key, g => g.OrderBy(m => m.On)
            .Select(m => new CareerMove
            {
                Person = $"{Street}.{m.Person}", From = m.From, To = m.To, Committee = m.Committee, Channel = m.Channel, On = m.On, ApprovedBy = m.ApprovedBy,
                Sample = m.Sample,
            }).ToList());
        var people = shipped.People.Select(p => new Person
        {
            Id = $"{Street}.{p.Id}", Name = p.Name, Rung = p.Rung, Community = p.Community, Committee = p.Committee, Post = p.Post, GraduateYear = p.GraduateYear,
            Active = true, Moves = moves.GetValueOrDefault(p.Id) ?? [], Sample = p.Sample,
        }).ToList();
        var secondments = shipped.Secondments.Select((s, i) => new Secondment
        {
            Id = SecondmentId(i), Person = $"{Street}.{s.Person}", To = s.To, Reason = s.Reason, Approver = s.Approver, Approval = s.Approval, From = s.From,
            ReturnBy = s.ReturnBy, ReturnedOn = s.ReturnedOn, Sample = s.Sample,
        }).ToList();
        await _people.AppendRangeAsync(0, people);
        await _secondments.AppendRangeAsync(0, secondments);
        var plan = shipped.Staffing;
        state.State = new PersonnelState
        {
            Seeded = true,
            Figures = new StaffingFigures(plan.StaffBefore, plan.BasicPosts, plan.QuantifiedPosts, plan.TurnoverPosts, plan.CommunityWorkers, plan.AddedPosts),
            PersonCount = people.Count,
            SecondmentCount = secondments.Count,
            OpenSecondments = secondments.Select((s, i) => (s, i)).Where(x => x.s.ReturnedOn is null).ToDictionary(x => x.s.Person, x => x.i),
            PeakOut = PeakOf(secondments),
        };
        await state.WriteStateAsync();
    }

    /// <summary>The most secondments out on any one day.</summary>
    private static int PeakOf(IReadOnlyList<Secondment> secondments) =>
        secondments.Select(s => s.From).Select(day => secondments.Count(s => s.From <= day && (s.ReturnedOn is not { } back || back > day))).DefaultIfEmpty(0).Max();

    private string SecondmentId(int position) => $"{Street}.sd{position + 1:0000}";
}
