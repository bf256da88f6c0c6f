using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Roster;

// Secondments (借调): only under an approval, never past the district's longest term, and flagged when not back on time.
internal sealed partial class PersonnelGrain
{
    public async Task<Outcome<Secondment>> SecondAsync(string personId, string to, string reason, string approver, string approval, DateOnly returnBy, Actor by)
    {
        if (!_positions.TryGetValue(personId, out var at))
            return Outcome<Secondment>.Refuse(Refusal.NotFound, $"没有人员 {personId} (no such person)");
        var person = await _people.GetAsync(at);
        if (!person.Active)
            return Outcome<Secondment>.Refuse(Refusal.Conflict, $"{person.Name} 已不在册 ({personId} is no longer on the roster)");
        if (string.IsNullOrWhiteSpace(approver) || string.IsNullOrWhiteSpace(approval))
            return Outcome<Secondment>.Refuse(Refusal.Invalid,
                "借调须经审批:请填写审批人和审批文号 (a secondment needs an approval: give the approver and the approval number)");
        if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(reason))
            return Outcome<Secondment>.Refuse(Refusal.Invalid, "须写明借调单位和事由 (say where to and why)");
        var today = clock.Today();
        if (returnBy <= today)
            return Outcome<Secondment>.Refuse(Refusal.Invalid, $"归还日期 {returnBy:yyyy-MM-dd} 须晚于今天 (the return date must be after today)");
        if (returnBy.DayNumber - today.DayNumber > options.SecondmentMaxDays)
            return Outcome<Secondment>.Refuse(Refusal.Invalid,
                $"借调期限最长 {options.SecondmentMaxDays} 天,最晚 {today.AddDays(options.SecondmentMaxDays):yyyy-MM-dd} 归还 " +
                $"(a secondment lasts at most {options.SecondmentMaxDays} days under the district's rules)");
        if (state.State.OpenSecondments.ContainsKey(personId))
            return Outcome<Secondment>.Refuse(Refusal.Conflict, $"{person.Name} 正在借调中,未归还前不能再次借调 ({personId} is already seconded)");
        var secondment = new Secondment
        {
            Id = SecondmentId(state.State.SecondmentCount), Person = personId, To = to.Trim(), Reason = reason.Trim(), Approver = approver.Trim(),
            Approval = approval.Trim(), From = today, ReturnBy = returnBy, Sample = false, By = by,
        };
        await _secondments.AppendAsync(state.State.SecondmentCount, secondment);
        state.State.OpenSecondments[personId] = state.State.SecondmentCount;
        state.State.SecondmentCount++;
        state.State.PeakOut = Math.Max(state.State.PeakOut, state.State.OpenSecondments.Count);
        await state.WriteStateAsync();
        return Outcome<Secondment>.Ok(secondment);
    }

    public async Task<Outcome<Secondment>> ReturnSecondmentAsync(string secondmentId, Actor by)
    {
        var open = state.State.OpenSecondments.FirstOrDefault(o => SecondmentId(o.Value) == secondmentId);
        if (open.Key is null)
            return Outcome<Secondment>.Refuse(Refusal.NotFound, $"没有未归还的借调 {secondmentId} (no open secondment {secondmentId})");
        var back = await _secondments.GetAsync(open.Value) with { ReturnedOn = clock.Today() };
        await _secondments.SetAsync(open.Value, back);
        state.State.OpenSecondments.Remove(open.Key);
        await state.WriteStateAsync();
        return Outcome<Secondment>.Ok(back);
    }

    public Task<Page<Secondment>> ListSecondmentsAsync(int after, int limit) => _secondments.ReadPageAsync(after, limit, state.State.SecondmentCount);

    public async Task<IReadOnlyList<Secondment>> GetOpenSecondmentsAsync()
    {
        var today = clock.Today();
        var open = new List<Secondment>();
        foreach (var at in state.State.OpenSecondments.Values)
            open.Add(await _secondments.GetAsync(at));
        return open.OrderByDescending(s => s.IsOverdue(today)).ThenBy(s => s.ReturnBy).ToList();
    }

    public async Task<SecondmentCounts> GetSecondmentCountsAsync()
    {
        var open = await GetOpenSecondmentsAsync();
        return new SecondmentCounts(state.State.SecondmentCount, open.Count, open.Count(s => s.IsOverdue(clock.Today())), state.State.PeakOut);
    }
}
