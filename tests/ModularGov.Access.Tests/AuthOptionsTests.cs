namespace ModularGov.Access.Tests;

public sealed class AuthOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mg-auth-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("bench-admin")]
    [InlineData("0123456789012345678901234567890")]
    [InlineData("mg_0123456789012345678901234567890123456789")]
    [InlineData("a token with spaces that is long enough")]
    public void A_bootstrap_token_that_is_short_or_misshapen_refuses_the_start_naming_the_key_but_not_the_token(string token)
    {
        var problem = new AuthOptions { BootstrapToken = token }.Problems().ShouldHaveSingleItem();
        problem.ShouldStartWith("Auth:BootstrapToken must be 32–512 characters");
        problem.ShouldContain($"was {token.Length} characters");
        problem.ShouldNotContain(token);
    }

    [Fact]
    public void No_bootstrap_token_and_a_long_one_are_both_fine()
    {
        new AuthOptions().Problems().ShouldBeEmpty();
        new AuthOptions { BootstrapToken = "" }.Problems().ShouldBeEmpty("appsettings.json ships an empty one");
        new AuthOptions { BootstrapToken = "" }.EffectiveBootstrapToken().ShouldBeNull();
        new AuthOptions { BootstrapToken = new string('k', 48) }.Problems().ShouldBeEmpty();
    }

    [Fact]
    public void The_bootstrap_token_may_come_from_a_file_and_the_file_is_checked_like_the_setting()
    {
        var file = Path.Combine(_folder, "bootstrap-token");
        File.WriteAllText(file, new string('f', 40) + "\n");
        var fromFile = new AuthOptions { BootstrapTokenFile = file };
        fromFile.Problems().ShouldBeEmpty();
        fromFile.EffectiveBootstrapToken().ShouldBe(new string('f', 40));

        File.WriteAllText(Path.Combine(_folder, "short"), "short\n");
        var shortFile = new AuthOptions { BootstrapTokenFile = Path.Combine(_folder, "short") }.Problems().ShouldHaveSingleItem();
        shortFile.ShouldStartWith("Auth:BootstrapTokenFile must hold a token of 32–512 characters");
        shortFile.ShouldNotContain("short\n");

        new AuthOptions { BootstrapTokenFile = Path.Combine(_folder, "missing") }.Problems().ShouldHaveSingleItem()
            .ShouldStartWith("Auth:BootstrapTokenFile must name a file this host can read");
        new AuthOptions { BootstrapToken = new string('k', 48), BootstrapTokenFile = file }.Problems().ShouldHaveSingleItem()
            .ShouldStartWith("Auth:BootstrapTokenFile must not be set together with Auth:BootstrapToken");
    }

    [Fact]
    public void The_token_lifetime_defaults_to_a_year_and_must_be_sensible()
    {
        new AuthOptions().TokenLifetime.ShouldBe(TimeSpan.FromDays(365));
        new AuthOptions { TokenLifetime = TimeSpan.Zero }.Problems().ShouldHaveSingleItem().ShouldStartWith("Auth:TokenLifetime must be between");
        new AuthOptions { TokenLifetime = TimeSpan.FromDays(4000) }.Problems().ShouldHaveSingleItem().ShouldStartWith("Auth:TokenLifetime must be between");
    }
}
