using System.CommandLine;
using Plugsmm.Client;

namespace Plugsmm.Cli;

/// <summary>The <c>add</c> subcommands: one per order type of API v2, with the panel's field names as options.</summary>
internal static class OrderTypes
{
    public static IEnumerable<Command> All(Terminal terminal)
    {
        yield return AddCommand.Type(terminal, "default", "Default: a quantity delivered to a link, optionally drip-fed (--runs, --interval).", f =>
        {
            var (link, quantity, runs, interval) = (f.Link(), f.Quantity(), f.Runs(), f.Interval());
            return Sync((p, s) => new DefaultOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Runs = p.GetValue(runs), Interval = p.GetValue(interval) });
        });
        yield return AddCommand.Type(terminal, "package", "Package: a fixed bundle delivered to a link.", f =>
        {
            var link = f.Link();
            return Sync((p, s) => new PackageOrder { ServiceId = s, Link = p.GetValue(link)! });
        });
        yield return AddCommand.Type(terminal, "custom-comments", "Custom Comments: your comments, one per line of --comments-file.", f =>
        {
            var (link, file) = (f.Link(), f.CommentsFile());
            return async (p, s, ct) => new CustomCommentsOrder { ServiceId = s, Link = p.GetValue(link)!, Comments = await TextFile.ReadLinesAsync("--comments-file", p.GetValue(file)!, terminal.In, ct).ConfigureAwait(false) };
        });
        yield return AddCommand.Type(terminal, "custom-comments-package", "Custom Comments Package: a package of your comments, one per line of --comments-file.", f =>
        {
            var (link, file) = (f.Link(), f.CommentsFile());
            return async (p, s, ct) => new CustomCommentsPackageOrder { ServiceId = s, Link = p.GetValue(link)!, Comments = await TextFile.ReadLinesAsync("--comments-file", p.GetValue(file)!, terminal.In, ct).ConfigureAwait(false) };
        });
        yield return AddCommand.Type(terminal, "mentions", "Mentions: the given users mentioned under a link.", f =>
        {
            var (link, quantity, usernames) = (f.Link(), f.Quantity(), f.List("--usernames", "The users to mention."));
            return Sync((p, s) => new MentionsOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Usernames = p.GetValue(usernames)! });
        });
        yield return AddCommand.Type(terminal, "mentions-with-hashtags", "Mentions with Hashtags: users mentioned, with hashtags.", f =>
        {
            var (link, quantity) = (f.Link(), f.Quantity());
            var (usernames, hashtags) = (f.List("--usernames", "The users to mention."), f.List("--hashtags", "The hashtags to use."));
            return Sync((p, s) => new MentionsWithHashtagsOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Usernames = p.GetValue(usernames)!, Hashtags = p.GetValue(hashtags)! });
        });
        yield return AddCommand.Type(terminal, "mentions-custom-list", "Mentions Custom List: exactly the users listed.", f =>
        {
            var (link, usernames) = (f.Link(), f.List("--usernames", "The users to mention."));
            return Sync((p, s) => new MentionsCustomListOrder { ServiceId = s, Link = p.GetValue(link)!, Usernames = p.GetValue(usernames)! });
        });
        yield return AddCommand.Type(terminal, "mentions-hashtag", "Mentions Hashtag: users who posted with a hashtag.", f =>
        {
            var (link, quantity, hashtag) = (f.Link(), f.Quantity(), f.Text("--hashtag", "The hashtag."));
            return Sync((p, s) => new MentionsHashtagOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Hashtag = p.GetValue(hashtag)! });
        });
        yield return AddCommand.Type(terminal, "mentions-user-followers", "Mentions User Followers: followers of a user.", f =>
        {
            var (link, quantity, username) = (f.Link(), f.Quantity(), f.Text("--username", "The user whose followers are mentioned.", helpName: "USER"));
            return Sync((p, s) => new MentionsUserFollowersOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Username = p.GetValue(username)! });
        });
        yield return AddCommand.Type(terminal, "mentions-media-likers", "Mentions Media Likers: likers of a post.", f =>
        {
            var (link, quantity, media) = (f.Link(), f.Quantity(), f.Text("--media", "The post whose likers are mentioned.", helpName: "URL"));
            return Sync((p, s) => new MentionsMediaLikersOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Media = p.GetValue(media)! });
        });
        yield return AddCommand.Type(terminal, "comment-likes", "Comment Likes: likes on one user's comment.", f =>
        {
            var (link, quantity, username) = (f.Link(), f.Quantity(), f.Text("--username", "The user whose comment gets the likes.", helpName: "USER"));
            return Sync((p, s) => new CommentLikesOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Username = p.GetValue(username)! });
        });
        yield return AddCommand.Type(terminal, "poll", "Poll: votes for one answer.", f =>
        {
            var (link, quantity, answer) = (f.Link(), f.Quantity(), f.Int("--answer-number", "The answer to vote for (1 for the first).", 1, int.MaxValue));
            return Sync((p, s) => new PollOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, AnswerNumber = p.GetValue(answer)!.Value });
        });
        yield return AddCommand.Type(terminal, "invites-from-groups", "Invites from Groups: members invited from the given groups.", f =>
        {
            var (link, quantity, groups) = (f.Link(), f.Quantity(), f.List("--groups", "The groups to invite from."));
            return Sync((p, s) => new InvitesFromGroupsOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Groups = p.GetValue(groups)! });
        });
        yield return AddCommand.Type(terminal, "seo", "SEO: visits from searches for the given keywords.", f =>
        {
            var (link, quantity, keywords) = (f.Link(), f.Quantity(), f.List("--keywords", "The search keywords."));
            return Sync((p, s) => new SeoOrder { ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Keywords = p.GetValue(keywords)! });
        });
        yield return AddCommand.Type(terminal, "subscriptions", "Subscriptions: every new post of a user gets --min to --max units, until --expiry.", f =>
        {
            var username = f.Text("--username", "The user whose new posts are served.", helpName: "USER");
            var (min, max) = (f.Long("--min", "The fewest units per post.", 1, long.MaxValue), f.Long("--max", "The most units per post.", 1, long.MaxValue));
            var posts = f.Int("--posts", "How many new posts to serve (no limit by default).", 1, int.MaxValue, required: false);
            var oldPosts = f.Int("--old-posts", "How many existing posts to serve too.", 0, int.MaxValue, required: false);
            var delay = f.Int("--delay", "Minutes to wait after a post: " + string.Join(", ", SubscriptionsOrder.AllowedDelays) + " (default 0).", 0, 600, required: false);
            var expiry = f.Date("--expiry", "The day the subscription ends: 31/12/2026 (day/month/year, as the panel takes it) or 2026-12-31.");
            return Sync((p, s) => new SubscriptionsOrder
            {
                ServiceId = s, Username = p.GetValue(username)!, Min = p.GetValue(min)!.Value, Max = p.GetValue(max)!.Value, Posts = p.GetValue(posts),
                OldPosts = p.GetValue(oldPosts), Delay = p.GetValue(delay) ?? 0, Expiry = p.GetValue(expiry),
            });
        });
        yield return AddCommand.Type(terminal, "web-traffic", "Web Traffic: visits from a country and device, with a kind of referrer.", f =>
        {
            var (link, quantity, runs, interval) = (f.Link(), f.Quantity(), f.Runs(), f.Interval());
            var country = f.Text("--country", "Where visitors come from (a code such as US, or a name).");
            var device = f.Int("--device", "1 desktop, 2 mobile Android, 3 mobile iOS, 4 mixed mobile, 5 mixed.", 1, 5);
            var traffic = f.Int("--type-of-traffic", "1 Google keyword (--google-keyword), 2 custom referrer (--referring-url), 3 blank referrer.", 1, 3);
            var keyword = f.Text("--google-keyword", "The Google keyword, for --type-of-traffic 1.", required: false);
            var referrer = f.Text("--referring-url", "The referring page, for --type-of-traffic 2.", required: false, helpName: "URL");
            return Sync((p, s) => new WebTrafficOrder
            {
                ServiceId = s, Link = p.GetValue(link)!, Quantity = p.GetValue(quantity)!.Value, Runs = p.GetValue(runs), Interval = p.GetValue(interval),
                Country = p.GetValue(country)!, Device = (WebTrafficDevice)p.GetValue(device)!.Value, TypeOfTraffic = (WebTrafficType)p.GetValue(traffic)!.Value,
                GoogleKeyword = p.GetValue(keyword), ReferringUrl = p.GetValue(referrer),
            });
        });
    }

    private static OrderBuilder Sync(Func<ParseResult, long, OrderRequest> build) => (parse, service, _) => Task.FromResult(build(parse, service));
}
