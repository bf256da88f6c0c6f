using System.Security.Cryptography;
using System.Text;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.State;

namespace ModularGov.Access;

[GenerateSerializer]
internal sealed class AccessTokenState
{
    [Id(0)] public string? SecretHash { get; set; }
    [Id(1)] public TokenGrant? Grant { get; set; }
    [Id(2)] public DateTimeOffset IssuedAt { get; set; }
    [Id(3)] public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class AccessTokenGrain(
    [PersistentState("token", GrainStorage.Name)] IPersistentState<AccessTokenState> token,
    TimeProvider clock) : Grain, IAccessTokenGrain
{
    public async Task IssueAsync(string secretHash, TokenGrant grant)
    {
        if (token.State.SecretHash is not null)
        {
            if (token.State.SecretHash == secretHash && token.State.Grant == grant && token.State.RevokedAt is null)
                return;
            throw new InvalidOperationException($"token id {this.GetPrimaryKeyString()} is already in use");
        }
        token.State.SecretHash = secretHash;
        token.State.Grant = grant;
        token.State.IssuedAt = clock.Now();
        await token.WriteStateAsync();
    }

    public Task<AccessIdentity?> VerifyAsync(string secretHash)
    {
        var state = token.State;
        var matches = state.SecretHash is not null && state.RevokedAt is null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(state.SecretHash), Encoding.ASCII.GetBytes(secretHash));
        return Task.FromResult(matches
            ? new AccessIdentity(state.Grant!.Role, state.Grant.Scope, this.GetPrimaryKeyString(), state.Grant.Label)
            : null);
    }

    public async Task<bool> RevokeAsync()
    {
        if (token.State.SecretHash is null || token.State.RevokedAt is not null)
            return false;
        token.State.RevokedAt = clock.Now();
        await token.WriteStateAsync();
        return true;
    }
}
