using System.Security.Cryptography;
using System.Text;
using ModularGov.Access.Contracts;
using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Streets;

namespace ModularGov.Access;

internal sealed class TokenIssuer(IGrainFactory grains, IStreetDirectory streets, TimeProvider clock) : ITokenIssuer
{
    private const string Prefix = "mg_";
    /// <summary>The longest token a request may carry; a longer one is never looked up.</summary>
    public const int MaxTokenLength = 512;

    /// <summary>How long a verified token is trusted without asking its grain again (revoking clears it here at once).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    // Every request carries a token; verified ones are remembered briefly by hash, so a busy caller costs no grain call.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (AccessIdentity Identity, DateTimeOffset Until)> _verified = new();

    public async Task<TokenIssueResult> IssueAsync(AccessIdentity issuer, string? role, string? scope, string? label)
    {
        var (grant, error, forbidden) = TokenIssuePolicy.Check(issuer, role, scope, label, streets);
        if (grant is null)
            return new TokenIssueResult(null, error, forbidden);
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await RecordAsync(token, grant);
        return new TokenIssueResult(new IssuedToken(token, IdOf(token), grant), null, false);
    }

    /// <summary>Records a token chosen by the operator (Auth:BootstrapToken); idempotent.</summary>
    public Task RecordAsync(string token, TokenGrant grant) =>
        grains.GetGrain<IAccessTokenGrain>(IdOf(token)).IssueAsync(HashOf(token), grant);

    public async Task<AccessIdentity?> AuthenticateAsync(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
            return null;
        var hash = HashOf(token);
        if (_verified.TryGetValue(hash, out var known) && known.Until > clock.GetUtcNow())
            return known.Identity;
        var identity = await grains.GetGrain<IAccessTokenGrain>(IdOf(token)).VerifyAsync(hash);
        if (identity is null)
            _verified.TryRemove(hash, out _);
        else
            _verified[hash] = (identity, clock.GetUtcNow() + CacheFor);
        return identity;
    }

    public async Task<bool> RevokeAsync(string tokenId)
    {
        foreach (var entry in _verified.Where(e => e.Value.Identity.TokenId == tokenId))
            _verified.TryRemove(entry.Key, out _);
        return await grains.GetGrain<IAccessTokenGrain>(tokenId).RevokeAsync();
    }

    /// <summary>The token's public id: safe to log and to name in a revocation.</summary>
    public static string IdOf(string token) => HashOf(token)[..16];

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
