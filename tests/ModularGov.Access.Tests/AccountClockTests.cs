using ModularGov.Access.Accounts;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Tests;

/// <summary>What accounts and sessions do as time passes, on the cluster's clock: expiry, lockout's end, idle and absolute limits.</summary>
public sealed class AccountClockTests : IClassFixture<AccessCluster>
{
    private readonly AccessCluster _cluster;

    public AccountClockTests(AccessCluster cluster) => _cluster = cluster;

    private const string Password = "Chushi-Mima-1!";

    private async Task<Sessions> AccountAsync(string login)
    {
        var account = _cluster.Grains().GetGrain<IAccountGrain>(login);
        (await account.CreateAsync("测试", Password, [new AccountGrant(Role.GridWorker, new Scope(ScopeKind.Grid, "nanshanlu.g001"))], "test")).ShouldBeTrue();
        (await account.ChangePasswordAsync(Password, "Xin-Mima-2026!")).ShouldBeNull();
        return new Sessions(_cluster.Grains());
    }

    [Fact]
    public async Task A_password_past_its_expiry_signs_in_only_to_be_changed()
    {
        var sessions = await AccountAsync("expiring");
        (await sessions.SignInAsync(new SignInRequest("expiring", "Xin-Mima-2026!"), "", "")).Session!.MustChangePassword.ShouldBeFalse();
        _cluster.Clock.Advance(TimeSpan.FromHours(25));
        (await sessions.SignInAsync(new SignInRequest("expiring", "Xin-Mima-2026!"), "", "")).Session!.MustChangePassword.ShouldBeTrue();
        (await _cluster.Grains().GetGrain<IAccountGrain>("expiring").ChangePasswordAsync("Xin-Mima-2026!", "Zai-Huan-2026!")).ShouldBeNull();
        (await sessions.SignInAsync(new SignInRequest("expiring", "Zai-Huan-2026!"), "", "")).Session!.MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task A_lock_ends_by_itself_after_the_lockout()
    {
        var sessions = await AccountAsync("locking");
        for (var i = 0; i < _cluster.Accounts.MaxFailedSignIns; i++)
            await sessions.SignInAsync(new SignInRequest("locking", "Wrong-1234!"), "", "");
        (await sessions.SignInAsync(new SignInRequest("locking", "Xin-Mima-2026!"), "", "")).Status.ShouldBe(SignInStatus.Locked);
        _cluster.Clock.Advance(_cluster.Accounts.Lockout + TimeSpan.FromSeconds(1));
        (await sessions.SignInAsync(new SignInRequest("locking", "Xin-Mima-2026!"), "", "")).Status.ShouldBe(SignInStatus.SignedIn);
    }

    [Fact]
    public async Task A_session_ends_when_idle_and_at_its_absolute_limit_however_busy()
    {
        var sessions = await AccountAsync("sessions");
        var idle = (await sessions.SignInAsync(new SignInRequest("sessions", "Xin-Mima-2026!"), "", "")).SessionId!;
        _cluster.Clock.Advance(_cluster.Accounts.IdleTimeout - TimeSpan.FromMinutes(1));
        (await sessions.AuthenticateAsync(idle)).ShouldNotBeNull();
        _cluster.Clock.Advance(_cluster.Accounts.IdleTimeout + TimeSpan.FromSeconds(1));
        (await sessions.AuthenticateAsync(idle)).ShouldBeNull();

        var busy = (await sessions.SignInAsync(new SignInRequest("sessions", "Xin-Mima-2026!"), "", "")).SessionId!;
        var used = TimeSpan.Zero;
        while (used < _cluster.Accounts.AbsoluteTimeout - TimeSpan.FromMinutes(20))
        {
            _cluster.Clock.Advance(TimeSpan.FromMinutes(20));
            used += TimeSpan.FromMinutes(20);
            (await sessions.AuthenticateAsync(busy)).ShouldNotBeNull($"used every 20 minutes, after {used}");
        }
        _cluster.Clock.Advance(TimeSpan.FromMinutes(21));
        (await sessions.AuthenticateAsync(busy)).ShouldBeNull("12 hours after its sign-in, however busy");
        (await sessions.AuthenticateAsync(busy)).ShouldBeNull();
    }

    [Fact]
    public async Task A_session_id_is_never_stored_and_a_malformed_one_reaches_no_grain()
    {
        var sessions = await AccountAsync("shapes");
        var id = (await sessions.SignInAsync(new SignInRequest("shapes", "Xin-Mima-2026!"), "", "")).SessionId!;
        id.Length.ShouldBe(43);
        Sessions.KeyOf(id).ShouldNotBe(id);
        var listed = await _cluster.Grains().GetGrain<ISessionDirectoryGrain>(ISessionDirectoryGrain.Key).ListAsync();
        listed.Any(s => s.Id == id).ShouldBeFalse();
        listed.Count(s => s.Id == Sessions.KeyOf(id)).ShouldBe(1);
        (await sessions.AuthenticateAsync("not a session")).ShouldBeNull();
    }
}
