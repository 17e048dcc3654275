using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Account;

[ShowsNoChildData]
public sealed class IndexModel(CurrentUser currentUser, CommonGroundDbContext db, TimeProvider timeProvider) : PageBase
{
    public Person? Person { get; private set; }

    public int SessionCount { get; private set; }

    public async Task OnGetAsync()
    {
        Person = await currentUser.GetAsync();
        var now = timeProvider.UtcNow();
        SessionCount = await db.UserSessions.CountAsync(s => s.UserAccountId == Person!.Account.Id && s.ExpiresAt > now);
    }
}
