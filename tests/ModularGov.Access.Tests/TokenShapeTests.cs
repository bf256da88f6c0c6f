using System.Security.Cryptography;

namespace ModularGov.Access.Tests;

public class TokenShapeTests
{
    [Fact]
    public void An_issued_token_has_the_prefix_the_length_and_the_base64url_alphabet()
    {
        for (var i = 0; i < 200; i++)
        {
            var token = TokenShape.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenShape.SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            TokenShape.IsIssued(token).ShouldBeTrue(token);
            TokenShape.MayBeToken(token).ShouldBeTrue(token);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("mg_")]
    [InlineData("mg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42 after the prefix
    [InlineData("mg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [InlineData("mg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding is not issued
    [InlineData("mg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("short")]
    [InlineData("0123456789012345678901234567890")] // 31
    [InlineData("0123456789 0123456789 0123456789 0123456789")]
    [InlineData("0123456789012345678901234567890\u0000")]
    [InlineData("令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌令牌")]
    [InlineData("================================")]
    [InlineData("0123456789=0123456789012345678901")]
    public void Anything_else_is_not_a_token(string value) => TokenShape.MayBeToken(value).ShouldBeFalse(value);

    [Theory]
    [InlineData("01234567890123456789012345678901")] // 32
    [InlineData("3f9a0c1e5b7d2468ace013579bdf2468ace0135799")] // openssl rand -hex 21
    [InlineData("A-b.C_d~E+f/G0123456789012345678901==")]
    public void A_bootstrap_token_is_32_or_more_characters_of_the_bearer_alphabet(string value)
    {
        TokenShape.IsBootstrapShaped(value).ShouldBeTrue(value);
        TokenShape.MayBeToken(value).ShouldBeTrue(value);
    }

    [Fact]
    public void A_value_over_512_characters_is_not_a_token() =>
        TokenShape.MayBeToken(new string('a', TokenShape.MaxBootstrapLength + 1)).ShouldBeFalse();

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF", false)]
    [InlineData("0123456789abcde", false)]
    [InlineData("0123456789abcdefa", false)]
    [InlineData("nosuch", false)]
    public void A_token_id_is_16_lower_case_hex_digits(string id, bool valid)
    {
        TokenShape.IsTokenId(id).ShouldBe(valid);
        if (valid)
            TokenShape.IsTokenId(TokenIssuer.IdOf("mg_" + new string('x', 43))).ShouldBeTrue();
    }
}
