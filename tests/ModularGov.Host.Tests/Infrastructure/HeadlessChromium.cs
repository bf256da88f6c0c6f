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

    /// <summary>The page's visible text; empty while the page is replacing its body (between finding it and reading it).</summary>
    private static string BodyText(IWebDriver browser)
    {
        try
        {
            return browser.FindElement(By.TagName("body")).Text;
        }
        catch (StaleElementReferenceException)
        {
            return "";
        }
    }
}
