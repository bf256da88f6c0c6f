using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Access.Tests;

/// <summary>Token grains on a real two-silo Orleans cluster: the answer does not depend on the silo a call enters by.</summary>
public sealed class TokenGrainClusterTests(AccessCluster cluster) : IClassFixture<AccessCluster>
{
    [Fact]
    public async Task A_token_issued_through_one_silo_is_the_same_token_through_the_other()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        var issued = (await cluster.Issuer(0).IssueAsync(admin, new TokenRequest("street-operator", "street:nanshanlu", "南山路街道办"))).Issued!;

        var throughSecond = await cluster.Issuer(1).AuthenticateAsync(issued.Token);
        throughSecond.ShouldBe(new AccessIdentity(Role.StreetOperator, new Scope(ScopeKind.Street, "nanshanlu"), issued.TokenId, "南山路街道办", admin.TokenId));

        // Deactivate and let the next call re-activate it from storage, wherever the cluster places it.
        await cluster.DeactivateAsync(cluster.Grains().GetGrain<IAccessTokenGrain>(issued.TokenId));
        (await cluster.Issuer(0).AuthenticateAsync(issued.Token)).ShouldBe(throughSecond);
        (await cluster.Issuer(1).AuthenticateAsync(issued.Token[..^1] + (issued.Token[^1] == 'A' ? 'B' : 'A'))).ShouldBeNull();

        var revoker = cluster.Issuer(1);
        (await revoker.RevokeAsync(admin, issued.TokenId)).Status.ShouldBe(RevokeStatus.Revoked);
        (await cluster.Issuer(0).AuthenticateAsync(issued.Token)).ShouldBeNull();
        (await revoker.RevokeAsync(admin, issued.TokenId)).Status.ShouldBe(RevokeStatus.AlreadyRevoked);
        (await revoker.RevokeAsync(admin, "00000000000000ff")).Status.ShouldBe(RevokeStatus.NotFound);
        (await revoker.RevokeAsync(admin, "not-a-token-id")).Status.ShouldBe(RevokeStatus.Invalid);
    }

    [Fact]
    public async Task Recording_a_bootstrap_token_twice_is_idempotent_but_a_clash_is_refused()
    {
        const string bootstrap = "known-admin-token-for-the-cluster-tests-0001";
        var grant = new TokenGrant(Role.DistrictAdmin, Scope.District, "Auth:BootstrapToken", "configuration");
        await cluster.Issuer(0).RecordAsync(bootstrap, grant);
        await cluster.Issuer(1).RecordAsync(bootstrap, grant);
        (await cluster.Issuer(1).AuthenticateAsync(bootstrap))!.Role.ShouldBe(Role.DistrictAdmin);
        await Should.ThrowAsync<InvalidOperationException>(() => cluster.Issuer(1).RecordAsync(bootstrap, grant with { Label = "someone else" }));

        var listed = await cluster.Issuer().ListAsync((await cluster.Issuer().AuthenticateAsync(bootstrap))!, 0, 1000);
        listed.Items.Count(t => t.TokenId == TokenIssuer.IdOf(bootstrap)).ShouldBe(1, "recorded at every start, listed once");
    }

    [Fact]
    public async Task Every_token_records_the_id_of_the_token_that_issued_it_and_the_host_issues_with_none()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        admin.IssuerTokenId.ShouldBeNull();
        var (_, street) = await cluster.IssuedByAsync(admin, "street-operator", "street:shangzhan");
        street.IssuerTokenId.ShouldBe(admin.TokenId);
        var (_, grid) = await cluster.IssuedByAsync(street, "grid-worker", "grid:shangzhan.g001");
        grid.IssuerTokenId.ShouldBe(street.TokenId);

        var record = (await cluster.Grains().GetGrain<IAccessTokenGrain>(grid.TokenId).GetRecordAsync())!;
        record.Grant.IssuerTokenId.ShouldBe(street.TokenId);
        record.Grant.IssuedBy.ShouldBe(street.Label, "the label people read is kept too");
        Actor.Of(grid).IssuerTokenId.ShouldBe(street.TokenId);
    }

    [Fact]
    public async Task Revoking_a_token_revokes_every_token_it_issued_transitively_and_nothing_else()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        var (_, streetA) = await cluster.IssuedByAsync(admin, "street-operator", "street:nanshanlu");
        var (_, streetB) = await cluster.IssuedByAsync(admin, "street-operator", "street:nanshanlu");
        var children = new List<string>();
        for (var i = 0; i < 3; i++)
            children.Add((await cluster.IssuedByAsync(streetA, "grid-worker", $"grid:nanshanlu.g00{i}")).Token);
        var sibling = (await cluster.IssuedByAsync(streetB, "grid-worker", "grid:nanshanlu.g009")).Token;

        var issuer = cluster.Issuer();
        var result = await issuer.RevokeAsync(admin, streetA.TokenId);
        (result.Status, result.Revoked).ShouldBe((RevokeStatus.Revoked, 4));
        foreach (var child in children)
            (await cluster.Issuer(1).AuthenticateAsync(child)).ShouldBeNull("a token issued by a revoked token is revoked");
        (await issuer.AuthenticateAsync(sibling)).ShouldNotBeNull("another street operator's tokens are untouched");
        (await issuer.IssueAsync(streetA, new TokenRequest("grid-worker", "grid:nanshanlu.g001", "x"))).Forbidden.ShouldBeTrue("a revoked token issues nothing");
    }

    [Fact]
    public async Task A_street_operator_revokes_what_it_could_issue_in_its_street_and_other_roles_revoke_nothing()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        var (_, street) = await cluster.IssuedByAsync(admin, "street-operator", "street:nanshanlu");
        var (_, otherStreet) = await cluster.IssuedByAsync(admin, "street-operator", "street:nanshanlu");
        var (_, byAdmin) = await cluster.IssuedByAsync(admin, "community-worker", "community:nanshanlu.xinhuaxijie");
        var (_, elsewhere) = await cluster.IssuedByAsync(admin, "grid-worker", "grid:shangzhan.g001");
        var (_, grid) = await cluster.IssuedByAsync(street, "grid-worker", "grid:nanshanlu.g005");
        var issuer = cluster.Issuer();

        (await issuer.RevokeAsync(street, otherStreet.TokenId)).Status.ShouldBe(RevokeStatus.NotFound, "not another street operator");
        (await issuer.RevokeAsync(street, elsewhere.TokenId)).Status.ShouldBe(RevokeStatus.NotFound, "not outside its street");
        (await issuer.RevokeAsync(grid, byAdmin.TokenId)).Status.ShouldBe(RevokeStatus.Forbidden, "a grid worker revokes nothing");
        (await issuer.RevokeAsync(street, byAdmin.TokenId)).Status.ShouldBe(RevokeStatus.Revoked, "a token of its street below it, whoever issued it");
        (await issuer.RevokeAsync(street, grid.TokenId)).Status.ShouldBe(RevokeStatus.Revoked);
        (await issuer.RevokeAsync(admin, otherStreet.TokenId)).Status.ShouldBe(RevokeStatus.Revoked, "the district admin revokes any token");
    }

    [Fact]
    public async Task The_district_admin_lists_every_token_a_street_operator_its_street_and_others_only_themselves_in_pages()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        var (_, street) = await cluster.IssuedByAsync(admin, "street-operator", "street:shangzhan");
        var issuedInStreet = new List<string> { street.TokenId };
        for (var i = 0; i < 5; i++)
            issuedInStreet.Add((await cluster.IssuedByAsync(street, "grid-worker", $"grid:shangzhan.g1{i:D2}")).Identity.TokenId);
        var (_, elsewhere) = await cluster.IssuedByAsync(admin, "department-staff", "department:water");
        var issuer = cluster.Issuer();

        var everything = new List<TokenRecord>();
        for (int? after = 0; after is { } start;)
        {
            var page = await issuer.ListAsync(admin, start, 4);
            page.Items.Count.ShouldBeLessThanOrEqualTo(4);
            everything.AddRange(page.Items);
            after = page.NextAfter;
        }
        var allIds = everything.Select(t => t.TokenId).ToHashSet();
        issuedInStreet.All(allIds.Contains).ShouldBeTrue();
        allIds.Contains(elsewhere.TokenId).ShouldBeTrue();

        // Other tests of the class issue tokens in the same street: this test's come in the order they were issued.
        var streetList = (await issuer.ListAsync(street, 0, 1000)).Items;
        streetList.All(t => t.Grant.Scope.StreetCode == "shangzhan").ShouldBeTrue();
        streetList.Select(t => t.TokenId).Where(issuedInStreet.Contains).ShouldBe(issuedInStreet);
        streetList.Any(t => t.TokenId == elsewhere.TokenId).ShouldBeFalse();

        var own = (await issuer.ListAsync(elsewhere, 0, 1000)).Items.ShouldHaveSingleItem();
        own.TokenId.ShouldBe(elsewhere.TokenId);
        own.Grant.IssuerTokenId.ShouldBe(admin.TokenId);
        own.ExpiresAt.ShouldBe(own.IssuedAt + AuthOptions.DefaultTokenLifetime);
        (await issuer.ListAsync(elsewhere, 1, 1000)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_expires_at_its_lifetime_or_at_the_earlier_moment_asked_for_and_then_authenticates_as_unknown()
    {
        var shortLived = new AuthOptions { TokenLifetime = TimeSpan.FromHours(2) };
        var issuer = cluster.Issuer(auth: shortLived);
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district", issuer);
        var defaultExpiry = (await issuer.IssueAsync(admin, new TokenRequest("department-staff", "department:water", "水务"))).Issued!;
        var early = (await issuer.IssueAsync(admin, new TokenRequest("department-staff", "department:civil", "民政",
            cluster.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz")))).Issued!;
        defaultExpiry.ExpiresAt.ShouldBe(cluster.Clock.GetUtcNow() + TimeSpan.FromHours(2));
        (await issuer.AuthenticateAsync(early.Token)).ShouldNotBeNull();

        cluster.Clock.Advance(TimeSpan.FromMinutes(61));
        (await issuer.AuthenticateAsync(early.Token)).ShouldBeNull("expired, though it was verified a moment ago");
        (await cluster.Issuer(1, shortLived).AuthenticateAsync(early.Token)).ShouldBeNull();
        (await issuer.AuthenticateAsync(defaultExpiry.Token)).ShouldNotBeNull();

        cluster.Clock.Advance(TimeSpan.FromMinutes(60));
        (await cluster.Issuer(1, shortLived).AuthenticateAsync(defaultExpiry.Token)).ShouldBeNull("past the configured lifetime");
        var beyond = await issuer.IssueAsync(admin, new TokenRequest("department-staff", "department:water", "x",
            cluster.Clock.GetUtcNow().AddHours(3).ToString("yyyy-MM-dd'T'HH:mm:sszzz")));
        beyond.Issued.ShouldBeNull();
        beyond.Error!.ShouldContain("beyond the longest token lifetime");
    }

    [Fact]
    public async Task A_tokens_last_use_is_written_at_most_once_a_minute_not_once_per_request()
    {
        var (token, identity) = await cluster.HostIssuedAsync("department-staff", "department:urban");
        var record = cluster.Grains().GetGrain<IAccessTokenGrain>(identity.TokenId);
        var firstUse = await EventuallyAsync<DateTimeOffset>(async () => (await record.GetRecordAsync())!.LastUsedAt);
        var reportsBefore = cluster.Calls.Of(nameof(IAccessTokenGrain.RecordUseAsync));

        var issuer = cluster.Issuer();
        for (var i = 0; i < 50; i++)
            (await issuer.AuthenticateAsync(token)).ShouldNotBeNull();
        cluster.Calls.Of(nameof(IAccessTokenGrain.RecordUseAsync)).ShouldBeLessThanOrEqualTo(reportsBefore + 1, "one report per minute per issuer, not per request");

        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        (await issuer.AuthenticateAsync(token)).ShouldNotBeNull();
        var later = await EventuallyAsync<DateTimeOffset>(async () => (await record.GetRecordAsync())!.LastUsedAt is { } at && at > firstUse ? at : null);
        later.ShouldBe(cluster.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_malformed_token_is_never_looked_up_and_an_unknown_one_once_per_cache_period()
    {
        var issuer = cluster.Issuer();
        var before = cluster.Calls.Of(nameof(IAccessTokenGrain.VerifyAsync));
        foreach (var malformed in new[] { "", "x", "not-a-token", "mg_short", "mg_" + new string('A', 44), "mg_" + new string('*', 43),
                     new string('a', 31), new string('a', 513), "令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌", "has space in it but is long enough to pass" })
            (await issuer.AuthenticateAsync(malformed)).ShouldBeNull(malformed);
        cluster.Calls.Of(nameof(IAccessTokenGrain.VerifyAsync)).ShouldBe(before, "no malformed value reached a grain");

        var unknown = "mg_" + new string('Q', 43);
        for (var i = 0; i < 5; i++)
            (await issuer.AuthenticateAsync(unknown)).ShouldBeNull();
        cluster.Calls.Of(nameof(IAccessTokenGrain.VerifyAsync)).ShouldBe(before + 1, "a failed lookup is remembered");
        (await issuer.AuthenticateAsync("mg_" + new string('R', 43), () => false)).ShouldBeNull();
        cluster.Calls.Of(nameof(IAccessTokenGrain.VerifyAsync)).ShouldBe(before + 1, "no lookup without the caller's budget");

        cluster.Clock.Advance(FailedLookups.RememberFor + TimeSpan.FromSeconds(1));
        (await issuer.AuthenticateAsync(unknown)).ShouldBeNull();
        cluster.Calls.Of(nameof(IAccessTokenGrain.VerifyAsync)).ShouldBe(before + 2, "remembered briefly, then looked up again");
    }

    [Fact]
    public async Task Issuing_records_the_token_in_the_issuers_list_before_the_token_exists()
    {
        var (_, admin) = await cluster.HostIssuedAsync("district-admin", "district");
        var (_, street) = await cluster.IssuedByAsync(admin, "street-operator", "street:nanshanlu");
        var (_, grid) = await cluster.IssuedByAsync(street, "grid-worker", "grid:nanshanlu.g040");
        var issued = await cluster.Grains().GetGrain<IAccessTokenGrain>(street.TokenId).GetIssuedAsync(0, 10);
        issued.Items.ShouldBe([grid.TokenId]);
        (await cluster.Grains().GetGrain<IAccessTokenGrain>(admin.TokenId).GetIssuedAsync(0, 10)).Items.ShouldBe([street.TokenId]);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> read) where T : struct
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await read() is { } value)
                return value;
            await Task.Delay(50);
        }
        throw new ShouldAssertException("the value never appeared");
    }
}
