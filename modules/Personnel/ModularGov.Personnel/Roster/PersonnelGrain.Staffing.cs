using ModularGov.Personnel.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Results;
using ModularGov.SharedKernel.State;

namespace ModularGov.Personnel.Roster;

// Staffing (编制): the approved figures, every change to them, and the turnover pool's loans.
internal sealed partial class PersonnelGrain
{
    public Task<StaffingView> GetStaffingAsync()
    {
        var figures = state.State.Figures;
        var plan = _street.Personnel.Staffing;
        return Task.FromResult(new StaffingView
        {
            StaffBefore = figures.StaffBefore, StaffAfter = figures.StaffAfter, BasicPosts = figures.BasicPosts, QuantifiedPosts = figures.QuantifiedPosts,
            TurnoverPosts = figures.TurnoverPosts, TurnoverLent = state.State.LentPostCount, TurnoverAvailable = figures.TurnoverPosts - state.State.LentPostCount,
            CommunityWorkers = figures.CommunityWorkers, AddedPosts = figures.AddedPosts, OfficeStaffOnRoster = _counts.Office,
            CommunityWorkersOnRoster = _counts.CommunityWorkers, Changes = state.State.StaffingChangeCount, Sample = plan.Sample, Source = plan.Source,
        });
    }

    public async Task<Outcome<StaffingChange>> ChangeStaffingAsync(StaffingFigures after, string reason, string approval, Actor by)
    {
        if (after.StaffBefore < 0 || after.BasicPosts < 0 || after.QuantifiedPosts < 0 || after.TurnoverPosts < 0 || after.CommunityWorkers < 0 || after.AddedPosts < 0)
            return Outcome<StaffingChange>.Refuse(Refusal.Invalid, "编制数不能为负 (staffing figures must not be negative)");
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(approval))
            return Outcome<StaffingChange>.Refuse(Refusal.Invalid, "编制调整须写明理由和批准文号 (a staffing change needs a reason and the approval it rests on)");
        if (after.TurnoverPosts < state.State.LentPostCount)
            return Outcome<StaffingChange>.Refuse(Refusal.Conflict,
                $"周转编已借出 {state.State.LentPostCount} 名,不能减到 {after.TurnoverPosts} 名 ({state.State.LentPostCount} turnover posts are lent out; the pool cannot shrink to {after.TurnoverPosts})");
        var change = new StaffingChange
        {
            Id = $"{Street}.sc{state.State.StaffingChangeCount + 1:0000}", Before = state.State.Figures, After = after, Reason = reason.Trim(),
            Approval = approval.Trim(), At = clock.Now(), By = by,
        };
        await _changes.AppendAsync(state.State.StaffingChangeCount, change);
        state.State.Figures = after;
        state.State.StaffingChangeCount++;
        await state.WriteStateAsync();
        return Outcome<StaffingChange>.Ok(change);
    }

    public Task<Page<StaffingChange>> ListStaffingChangesAsync(int after, int limit) => _changes.ReadPageAsync(after, limit, state.State.StaffingChangeCount);

    public async Task<Outcome<TurnoverLoan>> LendTurnoverAsync(string to, int posts, DateOnly returnBy, string reason, Actor by)
    {
        var available = state.State.Figures.TurnoverPosts - state.State.LentPostCount;
        if (posts < 1)
            return Outcome<TurnoverLoan>.Refuse(Refusal.Invalid, "借用周转编至少 1 名 (lend at least one post)");
        if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(reason))
            return Outcome<TurnoverLoan>.Refuse(Refusal.Invalid, "须写明借用单位和理由 (say who borrows the posts and why)");
        if (returnBy <= clock.Today())
            return Outcome<TurnoverLoan>.Refuse(Refusal.Invalid, $"归还日期 {returnBy:yyyy-MM-dd} 须晚于今天 (the return date must be after today)");
        if (posts > available)
            return Outcome<TurnoverLoan>.Refuse(Refusal.Conflict,
                $"周转编余额不足:共 {state.State.Figures.TurnoverPosts} 名,已借出 {state.State.LentPostCount} 名,可借 {available} 名,申请 {posts} 名 " +
                $"(the turnover pool has {state.State.Figures.TurnoverPosts} posts, {state.State.LentPostCount} lent, {available} available; {posts} asked)");
        var loan = new TurnoverLoan
        {
            Id = $"{Street}.tl{state.State.LoanCount + 1:0000}", To = to.Trim(), Posts = posts, Reason = reason.Trim(), From = clock.Today(), ReturnBy = returnBy, By = by,
        };
        await _loans.AppendAsync(state.State.LoanCount, loan);
        state.State.OpenLoans[loan.Id] = state.State.LoanCount;
        state.State.LoanCount++;
        state.State.LentPostCount += posts;
        await state.WriteStateAsync();
        return Outcome<TurnoverLoan>.Ok(loan);
    }

    public async Task<Outcome<TurnoverLoan>> ReturnTurnoverAsync(string loanId, Actor by)
    {
        if (!state.State.OpenLoans.TryGetValue(loanId, out var at))
            return Outcome<TurnoverLoan>.Refuse(Refusal.NotFound, $"没有未归还的周转编借用 {loanId} (no open loan {loanId})");
        var loan = await _loans.GetAsync(at) with { ReturnedOn = clock.Today() };
        await _loans.SetAsync(at, loan);
        state.State.OpenLoans.Remove(loanId);
        state.State.LentPostCount -= loan.Posts;
        await state.WriteStateAsync();
        return Outcome<TurnoverLoan>.Ok(loan);
    }

    public Task<Page<TurnoverLoan>> ListLoansAsync(int after, int limit) => _loans.ReadPageAsync(after, limit, state.State.LoanCount);
}
