using System.Net;
using System.Net.Http.Json;
using ModularGov.Host.Tests.Http;
using ModularGov.SharedKernel.Access;
using OpenQA.Selenium;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>People of every role for console tests: accounts made and granted by the administrators, signed in for the first time.</summary>
internal static class ConsoleAccounts
{
    /// <summary>The system and security administrators, signed in: who make and grant every other account.</summary>
    public static async Task<(Person System, Person Security)> AdministratorsAsync(this InProcessDistrict district) =>
        (await district.AdministratorAsync("sysadmin"), await district.AdministratorAsync("secadmin"));

    /// <summary>A new account with one grant, through its first sign-in (password changed, second factor enrolled where the role needs one).</summary>
    public static async Task<Person> PersonAsync(this InProcessDistrict district, (Person System, Person Security) admins, string login, string displayName, string role, string scope)
    {
        var created = await admins.System.Client.PostAsJsonAsync("/api/accounts", new { login, displayName });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var granted = await admins.Security.Client.PutAsJsonAsync($"/api/accounts/{login}/grants", new { items = new[] { new { role, scope } } });
        granted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await granted.Content.ReadAsStringAsync());
        var initial = (await created.JsonAsync()).GetProperty("initialPassword").GetString()!;
        Roles.TryParse(role, out var parsed).ShouldBeTrue(role);
        return await People.FirstSignInAsync(district.Address, login, initial, parsed.NeedsSecondFactor());
    }

    /// <summary>A headless browser at the given window size, signed in as the person (their session handed over).</summary>
    public static OpenQA.Selenium.Chrome.ChromeDriver Browser(this InProcessDistrict district, Person person, int width = 1366, int height = 768)
    {
        var browser = HeadlessChromium.Start();
        browser.Manage().Window.Size = new System.Drawing.Size(width, height);
        browser.UseSession(district.Address, person);
        return browser;
    }

    /// <summary>Gives a real browser the person's session (as if they had signed in there), at the given window size.</summary>
    public static void UseSession(this IWebDriver browser, Uri address, Person person)
    {
        browser.Navigate().GoToUrl(new Uri(address, "/assets/console.css"));
        browser.Manage().Cookies.DeleteAllCookies();
        browser.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie("modulargov_session", People.SessionOf(person), "/"));
    }

    /// <summary>Saves what the browser shows to artifacts/screenshots/ (ignored by git), for a person to look at.</summary>
    public static void Screenshot(this IWebDriver browser, string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }
}
