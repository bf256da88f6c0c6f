using System.Net;
using System.Net.Http.Json;
using OtpNet;
using ModularGov.Host.Tests.Http;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>A person signed in through the API with a cookie, as a browser would be: their client, password and second factor.</summary>
internal sealed record Person(HttpClient Client, string Login, string Password, string? Secret, IReadOnlyList<string> RecoveryCodes)
{
    /// <summary>The authenticator app's code for the step after now: a later step than any used, so it is never refused as replayed.</summary>
    public string NextCode() => People.CodeAt(Secret!, DateTime.UtcNow.AddSeconds(30));
}

internal static class People
{
    public const string NewPassword = "Xin-Mima-2026!";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Jars = new();

    /// <summary>The session id a person's client holds (to hand the same session to a real browser).</summary>
    public static string SessionOf(Person person) =>
        Jars.TryGetValue(person.Client, out var jar) ? jar.GetCookies(person.Client.BaseAddress!)["modulargov_session"]?.Value ?? throw new InvalidOperationException("not signed in")
            : throw new InvalidOperationException("not a People.Browser client");

    /// <summary>The one-time passwords the first start wrote for the three administrators.</summary>
    public static Dictionary<string, string> FirstStartPasswords(string dataDir) =>
        File.ReadAllLines(Path.Combine(dataDir, "first-start-accounts")).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);

    /// <summary>A client that keeps cookies and says it comes from the host's own pages, as the host's console in a browser would.</summary>
    public static HttpClient Browser(Uri address)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Jars.Add(client, cookies);
        client.DefaultRequestHeaders.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        return client;
    }

    public static string CodeAt(string secret, DateTime utc) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(utc);

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password, string? code = null) =>
        client.PostAsJsonAsync("/auth/sign-in", new { login, password, code });

    /// <summary>
    /// The first sign-in of an account with a one-time password: sign in, change the password, and where the role needs one
    /// enrol a second factor; then sign in again, ready for anything the role may do.
    /// </summary>
    public static async Task<Person> FirstSignInAsync(Uri address, string login, string initialPassword, bool needsSecondFactor = true)
    {
        var client = Browser(address);
        using var signIn = await client.SignInAsync(login, initialPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var first = await signIn.JsonAsync();
        first.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();
        var changed = await client.PostAsJsonAsync("/api/account/password", new { current = initialPassword, next = NewPassword });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        var again = await client.SignInAsync(login, NewPassword);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        if (!needsSecondFactor)
            return new Person(client, login, NewPassword, null, []);
        (await again.JsonAsync()).GetProperty("mustEnrolSecondFactor").GetBoolean().ShouldBeTrue();
        var enrolment = await (await client.PostAsync("/api/account/second-factor", null)).JsonAsync();
        var secret = enrolment.GetProperty("secret").GetString()!;
        var confirmed = await client.PostAsJsonAsync("/api/account/second-factor/confirm", new { value = CodeAt(secret, DateTime.UtcNow) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var codes = (await confirmed.JsonAsync()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var person = new Person(client, login, NewPassword, secret, codes);
        var signedIn = await client.SignInAsync(login, NewPassword, person.NextCode());
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        return person;
    }
}
