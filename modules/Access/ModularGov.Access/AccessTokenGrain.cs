using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.State;
using Orleans.Storage;

namespace ModularGov.Access;

[GenerateSerializer]
internal sealed class AccessTokenState
{
    [Id(0)] public string? SecretHash { get; set; }
    [Id(1)] public TokenGrant? Grant { get; set; }
    [Id(2)] public DateTimeOffset IssuedAt { get; set; }
    [Id(3)] public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>Null only for a token recorded before tokens expired: it expires <see cref="TokenExpiry.LegacyLifetime"/> after its issue.</summary>
    [Id(4)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(5)] public DateTimeOffset? LastUsedAt { get; set; }
    /// <summary>How many token ids this token issued; the ids themselves are pages of their own.</summary>
    [Id(6)] public int IssuedCount { get; set; }
}

/// <summary>
/// One token: its hash, grant, expiry, revocation and last use, and the count of the tokens it issued, whose ids are
/// kept in a <see cref="PagedList{T}"/> of their own, so the state stays the same size however many it issues.
/// </summary>
internal sealed class AccessTokenGrain(
    [PersistentState("token", GrainStorage.Name)] IPersistentState<AccessTokenState> token,
    TimeProvider clock) : Grain, IAccessTokenGrain
{
    private PagedList<string> _issued = null!;

    private AccessTokenState S => token.State;

    private DateTimeOffset ExpiresAt => S.ExpiresAt ?? S.IssuedAt + TokenExpiry.LegacyLifetime;

    private bool Exists => S.SecretHash is not null;

    private bool IsLive => Exists && S.RevokedAt is null && clock.GetUtcNow() < ExpiresAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _issued = new PagedList<string>(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name), "token-issued", this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task IssueAsync(string secretHash, TokenGrant grant, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        if (Exists)
        {
            if (S.SecretHash != secretHash || S.Grant != grant || S.RevokedAt is not null)
                throw new InvalidOperationException($"token id {this.GetPrimaryKeyString()} is already in use, or its token was revoked");
            if (expiresAt <= ExpiresAt)
                return;
            S.ExpiresAt = expiresAt;
            await token.WriteStateAsync();
            return;
        }
        S.SecretHash = secretHash;
        S.Grant = grant;
        S.IssuedAt = issuedAt.ToOffset(ChinaTime.Offset);
        S.ExpiresAt = expiresAt;
        await token.WriteStateAsync();
    }

    public Task<VerifiedToken?> VerifyAsync(string secretHash)
    {
        ForgetIfMissing();
        var matches = IsLive && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(S.SecretHash!), Encoding.ASCII.GetBytes(secretHash));
        return Task.FromResult(matches ? new VerifiedToken(Record().Identity, ExpiresAt) : null);
    }

    public async Task RecordUseAsync(DateTimeOffset at)
    {
        ForgetIfMissing();
        if (!Exists || (S.LastUsedAt is { } last && at - last < TokenRecord.UseResolution))
            return;
        S.LastUsedAt = at.ToOffset(ChinaTime.Offset);
        await token.WriteStateAsync();
    }

    public async Task<bool> RevokeAsync()
    {
        ForgetIfMissing();
        if (!Exists || S.RevokedAt is not null)
            return false;
        S.RevokedAt = clock.Now();
        await token.WriteStateAsync();
        return true;
    }

    public Task<TokenRecord?> GetRecordAsync()
    {
        ForgetIfMissing();
        return Task.FromResult(Exists ? Record() : null);
    }

    public async Task<bool> AddIssuedAsync(string tokenId)
    {
        if (!IsLive)
            return false;
        await _issued.AppendAsync(S.IssuedCount, tokenId);
        S.IssuedCount++;
        await token.WriteStateAsync();
        return true;
    }

    public Task<Page<string>> GetIssuedAsync(int after, int limit) => _issued.ReadPageAsync(after, limit, S.IssuedCount);

    public Task<bool> IsLiveAsync() => Task.FromResult(IsLive);

    private TokenRecord Record() => new(this.GetPrimaryKeyString(), S.Grant!, S.IssuedAt, ExpiresAt, S.RevokedAt, S.LastUsedAt);

    /// <summary>
    /// A token that does not exist (a guessed or mistyped one) leaves no activation behind once the call is answered,
    /// so unknown tokens cannot fill the silo's memory with empty grains.
    /// </summary>
    private void ForgetIfMissing()
    {
        if (!Exists)
            DeactivateOnIdle();
    }
}
