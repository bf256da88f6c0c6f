using System.Security.Cryptography;
using System.Text;
using ModularGov.SharedKernel.Access;

namespace ModularGov.Host.Access;

/// <summary>Issues, checks and revokes API tokens. A token is shown once, when issued; only its hash is kept.</summary>
internal sealed class TokenService(IGrainFactory grains)
{
    private const string Prefix = "mg_";

    public sealed record IssuedToken(string Token, string TokenId, TokenGrant Grant);

    public async Task<IssuedToken> IssueAsync(TokenGrant grant)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await RecordAsync(token, grant);
        return new IssuedToken(token, IdOf(token), grant);
    }

    /// <summary>Records a token chosen by the operator (Auth:BootstrapToken); idempotent.</summary>
    public Task RecordAsync(string token, TokenGrant grant) =>
        grains.GetGrain<IAccessTokenGrain>(IdOf(token)).IssueAsync(HashOf(token), grant);

    public Task<AccessIdentity?> AuthenticateAsync(string token) =>
        token.Length is 0 or > 512
            ? Task.FromResult<AccessIdentity?>(null)
            : grains.GetGrain<IAccessTokenGrain>(IdOf(token)).VerifyAsync(HashOf(token));

    public Task<bool> RevokeAsync(string tokenId) => grains.GetGrain<IAccessTokenGrain>(tokenId).RevokeAsync();

    /// <summary>The token's public id: safe to log and to name in a revocation.</summary>
    public static string IdOf(string token) => HashOf(token)[..16];

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
