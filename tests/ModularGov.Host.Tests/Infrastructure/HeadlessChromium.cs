using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ModularGov.Host.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, driven through Debian's chromedriver (both installed by ./test.sh).</summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string DriverFolder = "/usr/bin";
    private const string Driver = "chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Path.Combine(DriverFolder, Driver)))
            throw new InvalidOperationException("UI tests need Debian's Chromium and chromedriver (apt-get install chromium chromium-driver; ./test.sh does)");
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");
        var service = ChromeDriverService.CreateDefaultService(DriverFolder, Driver);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until the page's visible text holds <paramref name="text"/> (pages render after their data arrives).</summary>
    public static void WaitForText(this IWebDriver browser, string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!BodyText(browser).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"'{text}' never appeared at {browser.Url}; the page shows:\n{BodyText(browser)}");
            Thread.Sleep(100);
        }
    }

    /// <summary>The page's visible text; empty while the browser is between two pages.</summary>
    private static string BodyText(IWebDriver browser)
    {
        try
        {
            return browser.FindElement(By.TagName("body")).Text;
        }
        catch (WebDriverException)
        {
            return ""; // between two pages
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (a live update, say); what it waited for is named if it never does.</summary>
    public static void WaitUntil(this IWebDriver browser, Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!Holds(condition))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"waited in vain for {what} at {browser.Url}; the page shows:\n{BodyText(browser)}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Waits until the page's live connection is open (its event stream answered).</summary>
    public static void WaitForLive(this IWebDriver browser) =>
        browser.WaitUntil(() => ((IJavaScriptExecutor)browser).ExecuteScript("return document.body.dataset.liveState;") as string == "open", "the live connection");

    private static bool Holds(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (WebDriverException)
        {
            return false; // the element was being replaced
        }
    }
}
