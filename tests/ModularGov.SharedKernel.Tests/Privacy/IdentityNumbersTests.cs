using ModularGov.SharedKernel.Privacy;
using ModularGov.SharedKernel.Results;

namespace ModularGov.SharedKernel.Tests.Privacy;

public sealed class IdentityNumbersTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    /// <summary>A number of the real shape (an area of Beijing's Chaoyang district) with its check digit computed.</summary>
    private static string Valid(string first17 = "11010519900307123") => first17 + IdentityNumbers.CheckDigit(first17);

    private static string Reason(string? number) => IdentityNumbers.Check(number, Today).Reason!;

    [Fact]
    public void A_number_with_its_computed_check_digit_is_accepted_as_it_is()
    {
        var number = Valid();
        var outcome = IdentityNumbers.Check(number, Today);
        outcome.IsOk.ShouldBeTrue(outcome.Reason);
        outcome.Value.ShouldBe(number);
    }

    [Fact]
    public void The_example_published_in_GB_11643_is_valid()
    {
        IdentityNumbers.Check("11010519491231002X", Today).Value.ShouldBe("11010519491231002X");
        IdentityNumbers.CheckDigit("11010519491231002").ShouldBe('X');
    }

    [Fact]
    public void A_lower_case_x_is_made_upper_case_and_spaces_around_are_dropped()
    {
        IdentityNumbers.Check(" 11010519491231002x ", Today).Value.ShouldBe("11010519491231002X");
    }

    [Fact]
    public void Each_wrong_part_is_refused_with_its_own_reason()
    {
        IdentityNumbers.Check(Valid()[..17], Today).Refusal.ShouldBe(Refusal.Invalid);
        Reason(Valid()[..17]).ShouldContain("18");
        Reason(Valid() + "1").ShouldContain("this one has 19");
        Reason("").ShouldContain("empty");
        Reason(null).ShouldContain("empty");
        Reason("1101051990A307123" + "4").ShouldContain("must be digits");
        Reason(Valid("11010519900307123")[..17] + "Y").ShouldContain("must be digits");
        Reason(Valid("01010519900307123")).ShouldContain("area code");
        Reason(Valid("11010520230230123")).ShouldContain("not a real date");
        Reason(Valid("11010520261205123")).ShouldContain("after today");
        Reason(Valid("11010518991231123")).ShouldContain("before 1900-01-01");
        var number = Valid();
        var wrong = number[..17] + (number[17] == '0' ? '1' : '0');
        Reason(wrong).ShouldBe("身份证号校验位不符 (the check digit does not match)");
    }

    [Fact]
    public void Born_today_is_accepted_and_a_reason_never_repeats_the_digits()
    {
        IdentityNumbers.Check(Valid("11010520261204123"), Today).IsOk.ShouldBeTrue();
        Reason(Valid("11010520230230123")).ShouldNotContain("20230230");
    }

    [Fact]
    public void The_check_digit_needs_exactly_17_digits()
    {
        Should.Throw<ArgumentException>(() => IdentityNumbers.CheckDigit("1101051990030712"));
        Should.Throw<ArgumentException>(() => IdentityNumbers.CheckDigit("1101051990030712A"));
    }
}
