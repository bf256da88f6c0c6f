using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace ModularGov.SharedKernel.Tests.Privacy;

/// <summary>The SM4 engine behind <c>sm4-gcm</c> gives the standard's own answer, so a district's review can check it.</summary>
public sealed class Sm4VectorTests
{
    /// <summary>
    /// GB/T 32907-2016 《信息安全技术 SM4分组密码算法》, Appendix A, example 1 (also in GM/T 0002-2012 and
    /// draft-ribose-cfrg-sm4, section 9.1): one block encrypted once.
    /// </summary>
    [Fact]
    public void One_block_matches_the_published_example_of_GB_T_32907()
    {
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(key, 0, output, 0);
        Convert.ToHexStringLower(output).ShouldBe("681edf34d206965e86b3e94f536e4246");
    }
}
