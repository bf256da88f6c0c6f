using ModularGov.SharedKernel.Privacy;

namespace ModularGov.SharedKernel.Tests.Privacy;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("010-12345678", "010-12345678")]
    [InlineData("01012345678", "01012345678")]
    [InlineData("0755 1234567", "0755-1234567")]
    [InlineData("0571-87654321", "0571-87654321")]
    public void Mobiles_and_fixed_lines_are_accepted_and_normalised(string given, string normalised)
    {
        var outcome = PhoneNumbers.Check(given);
        outcome.IsOk.ShouldBeTrue(outcome.Reason);
        outcome.Value.ShouldBe(normalised);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("  ", "empty")]
    [InlineData("1381234567a", "only digits")]
    [InlineData("+8613812345678", "only digits")]
    [InlineData("1381234567", "11 digits")]
    [InlineData("138123456789", "11 digits")]
    [InlineData("12812345678", "starts 13 to 19")]
    [InlineData("010-123456", "fixed line")]
    [InlineData("10-12345678", "11 digits")]
    [InlineData("01-12345678", "fixed line")]
    [InlineData("010--12345678", "fixed line")]
    [InlineData("0101234567890123456789", "at most 20")]
    public void Anything_else_is_refused_with_its_reason(string? given, string reason)
    {
        var outcome = PhoneNumbers.Check(given);
        outcome.IsOk.ShouldBeFalse();
        outcome.Reason.ShouldNotBeNull().ShouldContain(reason);
    }
}
