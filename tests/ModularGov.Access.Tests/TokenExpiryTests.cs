using ModularGov.SharedKernel.State;

namespace ModularGov.Access.Tests;

public class TokenExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 6, 9, 0, 0, ChinaTime.Offset);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    [Fact]
    public void Without_an_expiry_a_token_lives_the_configured_lifetime() =>
        TokenExpiry.Resolve(null, Now, Year).At.ShouldBe(Now + Year);

    [Theory]
    [InlineData("2026-06-30", "2026-06-30T00:00:00+08:00")]
    [InlineData("2026-06-30T18:00", "2026-06-30T18:00:00+08:00")]
    [InlineData("2026-06-30T18:00:00+08:00", "2026-06-30T18:00:00+08:00")]
    [InlineData("2026-06-30T10:00:00Z", "2026-06-30T18:00:00+08:00")]
    [InlineData("2026-06-30T10:00:00.5+00:00", "2026-06-30T18:00:00.5+08:00")]
    public void An_earlier_expiry_is_taken_and_without_an_offset_it_is_china_time(string asked, string expected)
    {
        var (at, error) = TokenExpiry.Resolve(asked, Now, Year);
        error.ShouldBeNull();
        at.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        at!.Value.Offset.ShouldBe(ChinaTime.Offset);
    }

    [Theory]
    [InlineData("2026-05-06T08:59:59+08:00", "not in the future")]
    [InlineData("2026-05-06T09:00:00+08:00", "not in the future")]
    [InlineData("2027-05-07", "beyond the longest token lifetime")]
    [InlineData("next week", "is not an ISO 8601 date")]
    [InlineData("05/06/2027", "is not an ISO 8601 date")]
    [InlineData("2026-13-01", "is not an ISO 8601 date")]
    public void An_expiry_in_the_past_beyond_the_lifetime_or_unreadable_is_refused(string asked, string fault)
    {
        var (at, error) = TokenExpiry.Resolve(asked, Now, Year);
        at.ShouldBeNull();
        error!.ShouldContain(fault);
    }
}
