using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access;

/// <summary>
/// Issues and checks tokens. An issued token is noted first by the token that issued it and by the registries that
/// list it, and recorded only then, so no live token is missing from its issuer's list (which revocation follows) or
/// from the list operators read; a crash in between leaves at most a listed id with no token behind it.
/// </summary>
internal sealed class TokenIssuer(IGrainFactory grains, IStreetDirectory streets, TimeProvider clock, AuthOptions auth) : ITokenIssuer
{
    private readonly VerifiedTokens _verified = new(clock);
    private readonly FailedLookups _failed = new(clock);

    public async Task<TokenIssueResult> IssueAsync(AccessIdentity issuer, TokenRequest request)
    {
        var (grant, error, forbidden) = TokenIssuePolicy.Check(issuer, request, streets);
        if (grant is null)
            return new TokenIssueResult(null, error, forbidden);
        // A token issued by a person's account has no parent token to be revoked with; the grant names the account as its issuer.
        return await IssueAsync(grant, request.ExpiresAt, issuer.Account is null ? grains.GetGrain<IAccessTokenGrain>(issuer.TokenId) : null);
    }

    public async Task<TokenIssueResult> IssueFromHostAsync(string issuedBy, TokenRequest request)
    {
        var (grant, error, _) = TokenIssuePolicy.CheckForHost(issuedBy, request, streets);
        if (grant is null)
            return new TokenIssueResult(null, error, false);
        return await IssueAsync(grant, request.ExpiresAt, parent: null);
    }

    private async Task<TokenIssueResult> IssueAsync(TokenGrant grant, string? expiresAt, IAccessTokenGrain? parent)
    {
        var now = clock.Now();
        var (expiry, expiryError) = TokenExpiry.Resolve(expiresAt, now, auth.TokenLifetime);
        if (expiry is not { } until)
            return new TokenIssueResult(null, expiryError, false);
        var token = TokenShape.Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenShape.SecretBytes));
        var id = IdOf(token);
        if (parent is not null && !await parent.AddIssuedAsync(id))
            return new TokenIssueResult(null, "the issuing token has been revoked or has expired", true);
        await RegisterAsync(id, grant);
        await grains.GetGrain<IAccessTokenGrain>(id).IssueAsync(HashOf(token), grant, now, until);
        // Revoked while this token was being recorded: the revocation may have read the issuer's list before this id was
        // on it, or before this token existed, so this token is revoked here instead.
        if (parent is not null && !await parent.IsLiveAsync())
        {
            await grains.GetGrain<IAccessTokenGrain>(id).RevokeAsync();
            return new TokenIssueResult(null, "the issuing token has been revoked or has expired", true);
        }
        return new TokenIssueResult(new IssuedToken(token, id, grant, until), null, false);
    }

    /// <summary>Records a token chosen by the operator (Auth:BootstrapToken); idempotent, and renews its expiry.</summary>
    public async Task RecordAsync(string token, TokenGrant grant)
    {
        var id = IdOf(token);
        var tokenGrain = grains.GetGrain<IAccessTokenGrain>(id);
        if (await tokenGrain.GetRecordAsync() is null)
            await RegisterAsync(id, grant);
        var now = clock.Now();
        await tokenGrain.IssueAsync(HashOf(token), grant, now, now + auth.TokenLifetime);
        _failed.Remove(HashOf(token));
        _verified.Forget(id);
    }

    private Task RegisterAsync(string id, TokenGrant grant) =>
        Task.WhenAll(TokenRights.RegistriesOf(grant).Select(r => grains.GetGrain<ITokenRegistryGrain>(r).AddAsync(id)));

    public Task<AccessIdentity?> AuthenticateAsync(string token) => AuthenticateAsync(token, static () => true);

    public async Task<AccessIdentity?> AuthenticateAsync(string token, Func<bool> mayLookUp)
    {
        // Not shaped like a token of this district: no hash, no cache, no grain.
        if (!TokenShape.MayBeToken(token))
            return null;
        var hash = HashOf(token);
        var entry = _verified.Find(hash);
        if (entry is null)
        {
            if (_failed.Contains(hash) || !mayLookUp())
                return null;
            var verified = await grains.GetGrain<IAccessTokenGrain>(IdOfHash(hash)).VerifyAsync(hash);
            if (verified is null)
            {
                _failed.Add(hash);
                _verified.Forget(IdOfHash(hash));
                return null;
            }
            entry = _verified.Add(hash, verified);
        }
        var now = clock.GetUtcNow();
        // The token's last use is written at most once a minute per token (and silo), never once per request.
        if (entry.TakeUseReport(now))
            ReportUse(entry.Token.Identity.TokenId, now);
        return entry.Token.Identity;
    }

    /// <summary>A one-way call, not awaited: the report is best effort and never delays or fails the request that made it.</summary>
    private void ReportUse(string tokenId, DateTimeOffset at) =>
        _ = grains.GetGrain<IAccessTokenGrain>(tokenId).RecordUseAsync(at).ContinueWith(
            static report => _ = report.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public async Task<Page<TokenRecord>> ListAsync(AccessIdentity caller, int after, int limit)
    {
        if (TokenRights.Registry(caller) is not { } registry)
        {
            var own = after == 0 ? await grains.GetGrain<IAccessTokenGrain>(caller.TokenId).GetRecordAsync() : null;
            return new Page<TokenRecord>(own is null ? [] : [own], null);
        }
        var ids = await grains.GetGrain<ITokenRegistryGrain>(registry).GetPageAsync(after, limit);
        var records = new List<TokenRecord>(ids.Items.Count);
        foreach (var chunk in ids.Items.Distinct().Chunk(64))
            records.AddRange((await Task.WhenAll(chunk.Select(id => grains.GetGrain<IAccessTokenGrain>(id).GetRecordAsync()))).OfType<TokenRecord>());
        return new Page<TokenRecord>(records, ids.NextAfter);
    }

    /// <summary>
    /// A role that revokes nothing is refused outright; for the others a token outside their rights is answered like a
    /// token that does not exist, so a street operator cannot tell another street's token ids from made-up ones.
    /// </summary>
    public async Task<RevokeResult> RevokeAsync(AccessIdentity caller, string tokenId)
    {
        if (!TokenShape.IsTokenId(tokenId))
            return new RevokeResult(RevokeStatus.Invalid, 0, $"token id '{tokenId}' is not {TokenShape.IdLength} lower-case hexadecimal digits");
        if (!TokenRights.MayRevokeAny(caller))
            return new RevokeResult(RevokeStatus.Forbidden, 0, $"a {caller.Role.Name()} token revokes no tokens");
        if (await grains.GetGrain<IAccessTokenGrain>(tokenId).GetRecordAsync() is not { } target || !TokenRights.MayRevoke(caller, target.Grant))
            return new RevokeResult(RevokeStatus.NotFound, 0);
        return await RevokeTreeAsync(target);
    }

    public async Task<RevokeResult> RevokeFromHostAsync(string tokenId)
    {
        if (!TokenShape.IsTokenId(tokenId))
            return new RevokeResult(RevokeStatus.Invalid, 0, $"token id '{tokenId}' is not {TokenShape.IdLength} lower-case hexadecimal digits");
        return await grains.GetGrain<IAccessTokenGrain>(tokenId).GetRecordAsync() is { } target
            ? await RevokeTreeAsync(target)
            : new RevokeResult(RevokeStatus.NotFound, 0);
    }

    /// <summary>
    /// Revokes the token, then every token it issued, and theirs, breadth first. Each token is revoked before its list
    /// is read; a token revoked before is walked again, so repeating a revocation cut short (a crash) finishes it.
    /// </summary>
    private async Task<RevokeResult> RevokeTreeAsync(TokenRecord root)
    {
        var revoked = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.TokenId };
        var queue = new Queue<string>([root.TokenId]);
        while (queue.TryDequeue(out var id))
        {
            var tokenGrain = grains.GetGrain<IAccessTokenGrain>(id);
            if (await tokenGrain.RevokeAsync())
                revoked++;
            _verified.Forget(id);
            for (int? after = 0; after is { } start;)
            {
                var page = await tokenGrain.GetIssuedAsync(start, SharedKernel.Http.Paging.MaxLimit);
                foreach (var child in page.Items.Where(seen.Add))
                    queue.Enqueue(child);
                after = page.NextAfter;
            }
        }
        return new RevokeResult(root.RevokedAt is null ? RevokeStatus.Revoked : RevokeStatus.AlreadyRevoked, revoked);
    }

    /// <summary>The token's public id: safe to log and to name in a revocation.</summary>
    public static string IdOf(string token) => IdOfHash(HashOf(token));

    public static string IdOfHash(string hash) => hash[..TokenShape.IdLength];

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
