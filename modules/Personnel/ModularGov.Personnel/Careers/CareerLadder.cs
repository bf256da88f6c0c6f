using ModularGov.SharedKernel.Personnel;

namespace ModularGov.Personnel.Careers;

/// <summary>
/// 全链条晋升: 微网格长 → 全科网格员 → 社区工作者 → 事业编制人员 → 公务员, one rung at a time, and the two named channels the seed
/// reports: a community committee head selected into a public-institution post (选聘), and a committee member recruited as a
/// civil servant (定向考录). Any other move is refused with the reason.
/// </summary>
internal static class CareerLadder
{
    /// <summary>Why the move is not allowed, or null when it is.</summary>
    public static string? Refusal(CareerRung from, CommitteeRole committee, CareerRung to, CareerChannel channel) => channel switch
    {
        CareerChannel.Step when to == from + 1 => null,
        CareerChannel.Step =>
            $"晋升只能逐级上一级:{Words.Of(from)}的上一级是{(from == CareerRung.CivilServant ? "(已是最高一级)" : Words.Of(from + 1))},不是{Words.Of(to)} " +
            $"(a step goes one rung up: from {from} the next rung is {(from == CareerRung.CivilServant ? "none" : (from + 1).ToString())}, not {to})",
        CareerChannel.Selection when from == CareerRung.CommunityWorker && to == CareerRung.PublicInstitution
            && committee is CommitteeRole.Secretary or CommitteeRole.Head => null,
        CareerChannel.Selection =>
            "选聘只适用于社区(村)书记、主任进入事业编制 (selection, 选聘, is for a community committee's secretary or head moving into a public-institution post)",
        CareerChannel.DirectedRecruitment when from == CareerRung.CommunityWorker && to == CareerRung.CivilServant && committee != CommitteeRole.None => null,
        CareerChannel.DirectedRecruitment =>
            "定向考录只适用于社区(村)两委成员考录为公务员 (directed recruitment, 定向考录, is for a committee member becoming a civil servant)",
        _ => $"未知的晋升渠道 {channel} (unknown channel)",
    };

    /// <summary>Where a person works after reaching <paramref name="rung"/>: the public-institution and civil-service rungs are the street office's.</summary>
    public static bool IsOfficeRung(CareerRung rung) => rung >= CareerRung.PublicInstitution;

    /// <summary>The Chinese names of the rungs, seats and channels.</summary>
    public static class Words
    {
        public static string Of(CareerRung rung) => rung switch
        {
            CareerRung.MicroGridLead => "微网格长",
            CareerRung.GridWorker => "全科网格员",
            CareerRung.CommunityWorker => "社区工作者",
            CareerRung.PublicInstitution => "事业编制人员",
            CareerRung.CivilServant => "公务员",
            _ => rung.ToString(),
        };

        public static string Of(CareerChannel channel) => channel switch
        {
            CareerChannel.Step => "逐级晋升",
            CareerChannel.Selection => "选聘",
            CareerChannel.DirectedRecruitment => "定向考录",
            _ => channel.ToString(),
        };

        public static string Of(CommitteeRole role) => role switch
        {
            CommitteeRole.Secretary => "书记",
            CommitteeRole.Head => "主任",
            CommitteeRole.Member => "两委委员",
            _ => "—",
        };
    }
}
