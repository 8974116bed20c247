using System.Buffers;
using System.Globalization;
using System.Text;

namespace Plugsmm.Client.Benchmarks;

/// <summary>
/// Makes realistic SMM API v2 <c>action=add</c> order bodies, always the same ones: a fixed seed and a PRNG of
/// our own (SplitMix64), so the data file does not change with the .NET version.
/// </summary>
/// <remarks>
/// Every body starts <c>key, action, service, link</c>; then, by order type as SMM panels document them:
/// <c>quantity</c> (default, with <c>runs</c>+<c>interval</c> when drip-fed), <c>comments</c> (custom comments: no
/// quantity), <c>usernames</c>+<c>hashtags</c>, <c>usernames</c> (custom list), <c>hashtag</c>, <c>username</c>,
/// <c>media</c>, <c>answer_number</c> (polls), <c>groups</c> (invites); packages send no quantity.
/// Lists in one field are separated by <c>\n</c>, or <c>\r\n</c> as a Windows client sends them.
/// </remarks>
internal sealed class OrderBodyGenerator(ulong seed)
{
    public const ulong DefaultSeed = 0x5EED_0F_B0D1E5;
    public const int DefaultCount = 2000;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Base64Url = Base62 + "-_";
    private const string LowerHex = "0123456789abcdef";

    private static readonly string[] Syllables =
    [
        "ana", "bel", "cris", "dan", "eli", "fer", "gabi", "hugo", "isa", "jo", "kai", "lu", "mar", "nico", "oli",
        "pau", "rafa", "sofi", "tati", "vini", "yuki", "zoe", "ale", "bia", "duda", "max", "leo", "mia", "noah", "ivan",
    ];

    private static readonly string[] Topics =
    [
        "fitness", "travel", "food", "beauty", "makeup", "fashion", "music", "gaming", "memes", "crypto", "art",
        "photo", "style", "news", "dance", "pets", "cars", "tech", "moda", "receitas",
    ];

    private static readonly string[] Comments =
    [
        "Amazing 🔥🔥🔥", "Love this! ❤️", "So beautiful 😍", "Great content, keep it up 👏👏", "Wow 😮", "Top 👍",
        "Where is this place? 📍", "This made my day 😂😂", "Incredible shot 📸", "Need this in my life 🙌",
        "Qué bonito 😍", "Muito lindo ❤️🇧🇷", "Trop beau ✨", "Очень круто! 🔥", "すごい！👏", "Mashallah 🤲",
        "Follow back? 🙏", "First! 🥇", "The colors 🎨 are perfect", "I can't stop watching 🔁",
        "Best video on my feed today", "Who else is here in 2026? 🙋", "Perfect 💯", "Goals 💪", "Nice",
        "this song >>> 🎶", "Can you do a tutorial? 🙏", "Obsessed 😍😍😍", "Hermoso trabajo 👌", "Teşekkürler 🌹",
    ];

    private static readonly string[] Channels =
    [
        "cryptonews_daily", "memesworld", "tech_insider", "fitness_club", "travel_deals", "music_hub", "news24",
        "gaming_zone", "recipes_kitchen", "forex_signals",
    ];

    private static readonly string[] YouTubeChannels = ["MúsicaLatina", "TechReviews", "ФильмыОнлайн", "CookingWithMia", "GamingDaily"];

    private static readonly SearchValues<char> LinkSpecials = SearchValues.Create("?&#%+~");

    private ulong _state = seed;

    private enum OrderType
    {
        Default,
        DripFeed,
        Package,
        CustomComments,
        MentionsWithHashtags,
        MentionsCustomList,
        MentionsHashtag,
        MentionsUserFollowers,
        MentionsMediaLikers,
        CommentLikes,
        Poll,
        InvitesFromGroups,
    }

    /// <summary>How often each order type is drawn (relative weights); the weights set the mean body size (≈ 410 B).</summary>
    private static readonly (OrderType Type, int Weight)[] Mix =
    [
        (OrderType.Default, 365), (OrderType.DripFeed, 110), (OrderType.Package, 30), (OrderType.CustomComments, 165),
        (OrderType.MentionsWithHashtags, 45), (OrderType.MentionsCustomList, 45), (OrderType.MentionsHashtag, 25),
        (OrderType.MentionsUserFollowers, 25), (OrderType.MentionsMediaLikers, 20), (OrderType.CommentLikes, 50),
        (OrderType.Poll, 75), (OrderType.InvitesFromGroups, 40),
    ];

    private enum Platform
    {
        Instagram,
        TikTok,
        YouTube,
        Telegram,
    }

    /// <summary><c>--generate-bodies</c>: writes the data file and prints what is in it.</summary>
    public static int WriteDataFile(string path)
    {
        var bodies = new OrderBodyGenerator(DefaultSeed).Generate(DefaultCount);
        OrderBodyFile.Save(path, bodies);

        var sizes = bodies.Select(b => PhpFormEncoder.Encode(b).Length).ToList();
        var links = bodies.Select(b => (string)b.First(p => p.Key == "link").Value!).ToList();
        var special = links.Count(l => l.AsSpan().IndexOfAny(LinkSpecials) >= 0);
        var nonAsciiLinks = links.Count(l => !Ascii.IsValid(l));
        var nonAscii = bodies.Count(b => b.Any(p => p.Value is string s && !Ascii.IsValid(s)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {bodies.Count} bodies to {path}: mean {sizes.Average():F1} B encoded (min {sizes.Min()}, max {sizes.Max()}); " +
            $"links with ? & # % + or ~: {special * 100.0 / links.Count:F0}%; non-ASCII links: {nonAsciiLinks * 100.0 / links.Count:F0}%; " +
            $"bodies with non-ASCII: {nonAscii * 100.0 / bodies.Count:F0}%."));
        foreach (var group in bodies.GroupBy(b => string.Join(",", b.Skip(4).Select(p => p.Key))).OrderByDescending(g => g.Count()))
        {
            var mean = group.Average(b => PhpFormEncoder.Encode(b).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Count(),5} × {mean,6:F0} B  key,action,service,link{(group.Key.Length > 0 ? "," + group.Key : "")}"));
        }

        return 0;
    }

    public List<KeyValuePair<string, object?>[]> Generate(int count)
    {
        // A reseller's few API keys, each used for many orders.
        var keys = Enumerable.Range(0, 8).Select(_ => Chars(LowerHex, 32)).ToArray();
        var bodies = new List<KeyValuePair<string, object?>[]>(count);
        for (var i = 0; i < count; i++)
        {
            bodies.Add(Next(Pick(keys)));
        }

        return bodies;
    }

    private KeyValuePair<string, object?>[] Next(string key)
    {
        var type = PickType();
        var platform = type switch
        {
            OrderType.Poll => Chance(0.7) ? Platform.Telegram : Platform.Instagram,
            OrderType.InvitesFromGroups => Platform.Telegram,
            OrderType.MentionsWithHashtags or OrderType.MentionsCustomList or OrderType.MentionsHashtag
                or OrderType.MentionsUserFollowers or OrderType.MentionsMediaLikers => Platform.Instagram,
            OrderType.CustomComments or OrderType.CommentLikes => (Platform)Below(3),
            _ => (Platform)Below(4),
        };

        var fields = new List<KeyValuePair<string, object?>>
        {
            new("key", key),
            new("action", "add"),
            new("service", Service(platform)),
            new("link", Link(platform)),
        };

        void Add(string name, object value) => fields.Add(new(name, value));

        switch (type)
        {
            case OrderType.Default:
                Add("quantity", Quantity());
                break;
            case OrderType.DripFeed:
                Add("quantity", Pick([50, 100, 200, 250, 500, 1000, 2000]));
                Add("runs", Between(2, 31));
                Add("interval", Pick([5, 10, 15, 30, 60, 120, 360, 720, 1440]));
                break;
            case OrderType.Package:
                break;
            case OrderType.CustomComments:
                Add("comments", Lines(Between(12, 55), () => Pick(Comments)));
                break;
            case OrderType.MentionsWithHashtags:
                Add("quantity", Between(1, 11) * 100);
                Add("usernames", Lines(Between(10, 31), Username));
                Add("hashtags", Lines(Between(3, 11), () => "#" + Pick(Topics) + (Chance(0.3) ? Pick(["2026", "lovers", "brasil", "life"]) : "")));
                break;
            case OrderType.MentionsCustomList:
                Add("usernames", Lines(Between(10, 51), Username));
                break;
            case OrderType.MentionsHashtag:
                Add("quantity", Between(1, 21) * 50);
                Add("hashtag", Pick(Topics) + (Chance(0.2) ? "ção" : ""));
                break;
            case OrderType.MentionsUserFollowers:
                Add("quantity", Between(1, 21) * 50);
                Add("username", Username());
                break;
            case OrderType.MentionsMediaLikers:
                Add("quantity", Between(1, 21) * 50);
                Add("media", InstagramPost());
                break;
            case OrderType.CommentLikes:
                Add("quantity", Between(1, 21) * 25);
                Add("username", Username());
                break;
            case OrderType.Poll:
                Add("quantity", Quantity());
                Add("answer_number", Between(1, 6));
                break;
            case OrderType.InvitesFromGroups:
                Add("quantity", Between(1, 41) * 100);
                Add("groups", Lines(Between(3, 16), TelegramChannelLink));
                break;
            default:
                throw new InvalidOperationException(type.ToString());
        }

        return [.. fields];
    }

    private OrderType PickType()
    {
        var roll = Below(Mix.Sum(m => m.Weight));
        foreach (var (type, weight) in Mix)
        {
            if (roll < weight)
            {
                return type;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("unreachable");
    }

    private int Service(Platform platform) => platform switch
    {
        Platform.Instagram => Between(1, 1800),
        Platform.TikTok => Between(2000, 3200),
        Platform.YouTube => Between(4000, 4900),
        _ => Between(6000, 6700),
    };

    private int Quantity() =>
        Chance(0.6)
            ? Pick([100, 200, 250, 500, 1000, 1500, 2000, 2500, 3000, 5000, 10000, 20000, 50000, 100000])
            : Between(5, 2000) * 10;

    private string Link(Platform platform) => platform switch
    {
        Platform.Instagram => InstagramLink(),
        Platform.TikTok => TikTokLink(),
        Platform.YouTube => YouTubeLink(),
        _ => TelegramLink(),
    };

    private string InstagramLink() => Below(10) switch
    {
        < 5 => InstagramPost(),
        < 7 => $"https://www.instagram.com/{Username()}/" + (Chance(0.4) ? "?igsh=" + Chars(Base62, 16) + "==" : ""),
        7 => $"https://www.instagram.com/stories/{Username()}/{TikTokId()}/?utm_source=ig_story_item_share&igsh={Chars(Base62, 20)}==",
        8 => $"https://instagram.com/{Username()}?utm_source=qr&r=nametag" + (Chance(0.5) ? "&utm_campaign=bio~link" : ""),
        _ => "https://www.instagram.com/explore/tags/" +
             Pick(["café", "modabrasileña", "ファッション", "%E2%9D%A4%EF%B8%8F", "love❤️", "fitness", "istanbul_türkiye"]) + "/",
    };

    private string InstagramPost()
    {
        var kind = Pick(["p", "p", "reel", "tv"]);
        var link = $"https://www.instagram.com/{kind}/{Chars(Base64Url, 11)}/";
        return Below(9) switch
        {
            < 2 => link,
            2 => link + "?igsh=" + Chars(Base62, 20) + "==",
            < 7 => link + "?utm_source=ig_web_copy_link&igsh=" + Chars(Base62, 16) + "==",
            7 => link + "?utm_source=ig_web_button_share_sheet&igshid=" + Chars(Base62, 24) + "%3D%3D",
            _ => link + (Chance(0.5) ? "?img_index=" + Between(2, 10).ToString(CultureInfo.InvariantCulture) : "?hl=pt-br"),
        };
    }

    private string TikTokLink() => Below(10) switch
    {
        < 6 => $"https://www.tiktok.com/@{Username()}/video/{TikTokId()}" + Pick([
            "",
            "?is_from_webapp=1&sender_device=pc&web_id=" + TikTokId(),
            "?is_from_webapp=1&sender_device=pc&web_id=" + TikTokId(),
            "?_r=1&u_code=" + Chars(Base62, 13) + "&preview_pb=0&language=pt-BR&_d=" + Chars(Base62, 13) + "&share_item_id=" + TikTokId() + "&source=h5_m&timestamp=" + Digits(10) + "&user_id=" + TikTokId() + "&sec_user_id=MS4wLjABAAAA" + Chars(Base64Url, 43) + "&utm_source=copy&utm_campaign=client_share&utm_medium=android&share_iid=" + TikTokId() + "&share_link_id=" + Chars(LowerHex, 8) + "-" + Chars(LowerHex, 4) + "-" + Chars(LowerHex, 4) + "-" + Chars(LowerHex, 4) + "-" + Chars(LowerHex, 12) + "&share_app_id=1233",
            "?_r=1&_t=8" + Chars(Base62, 10),
            "?lang=es&q=" + Pick(["recetas%20f%C3%A1ciles", "baile+viral", "gatos graciosos 😹"]) + "&t=" + Digits(13),
        ]),
        6 => $"https://vm.tiktok.com/ZM{Chars(Base62, 7)}/",
        7 => $"https://vt.tiktok.com/ZS{Chars(Base62, 7)}/",
        8 => $"https://www.tiktok.com/@{Username()}" + (Chance(0.5) ? "?_t=8" + Chars(Base62, 10) + "&_r=1" : ""),
        _ => "https://www.tiktok.com/tag/" + Pick(["fyp", "fyp🔥", "parati", "comédia", "foryou"]) + "?lang=en",
    };

    private string YouTubeLink() => Below(10) switch
    {
        < 3 => $"https://www.youtube.com/watch?v={Chars(Base64Url, 11)}" + Pick([
            "",
            "&t=" + Between(5, 900).ToString(CultureInfo.InvariantCulture) + "s",
            "&list=PL" + Chars(Base64Url, 32) + "&index=" + Between(1, 40).ToString(CultureInfo.InvariantCulture),
            "&ab_channel=" + Pick(YouTubeChannels),
            "&lc=Ugz" + Chars(Base64Url, 20) + "4AaABAg#comments",
        ]),
        < 6 => $"https://youtu.be/{Chars(Base64Url, 11)}" + (Chance(0.5) ? "?si=" + Chars(Base64Url, 16) : ""),
        < 8 => $"https://www.youtube.com/shorts/{Chars(Base64Url, 11)}" + (Chance(0.5) ? "?feature=share" : ""),
        8 => $"https://m.youtube.com/watch?v={Chars(Base64Url, 11)}&pp=ygU{Chars(Base62, 12)}%3D%3D#t=1m{Between(0, 60).ToString(CultureInfo.InvariantCulture)}s",
        _ => "https://www.youtube.com/@" + Pick(YouTubeChannels) + Pick(["", "/videos", "/shorts", "/featured?sub_confirmation=1"]),
    };

    private string TelegramLink() => Below(10) switch
    {
        < 5 => TelegramChannelLink() + "/" + Between(2, 30000).ToString(CultureInfo.InvariantCulture) + Pick(["", "", "?single", "?comment=" + Digits(5)]),
        < 7 => "https://t.me/+" + Chars(Base64Url, 16),
        7 => "https://t.me/joinchat/" + Chars(Base64Url, 22),
        8 => TelegramChannelLink(),
        _ => "https://t.me/s/" + Pick(Channels) + "?before=" + Digits(5) + "&utm_source=promo~" + Pick(["nov", "bf", "ads"]),
    };

    private string TelegramChannelLink() => "https://t.me/" + Pick(Channels) + (Chance(0.3) ? Digits(2) : "");

    private string Username()
    {
        var name = new StringBuilder(Pick(Syllables));
        if (Chance(0.5))
        {
            name.Append(Pick([".", "_", ""])).Append(Pick(Syllables));
        }

        if (Chance(0.3))
        {
            name.Append(Pick(Topics));
        }

        if (Chance(0.5))
        {
            name.Append(Digits(Between(1, 5)));
        }

        return name.ToString();
    }

    private string Lines(int count, Func<string> line)
    {
        var separator = Chance(0.3) ? "\r\n" : "\n";
        return string.Join(separator, Enumerable.Range(0, count).Select(_ => line()));
    }

    private string Chars(string alphabet, int length)
    {
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = alphabet[Below(alphabet.Length)];
        }

        return new string(text);
    }

    private string Digits(int length) => Chars("0123456789", length);

    /// <summary>A 19-digit snowflake id, as TikTok videos and Instagram stories have.</summary>
    private string TikTokId() => "7" + Digits(18);

    private T Pick<T>(T[] items) => items[Below(items.Length)];

    private bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    private int Between(int minInclusive, int maxExclusive) => minInclusive + Below(maxExclusive - minInclusive);

    private int Below(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>SplitMix64.</summary>
    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
