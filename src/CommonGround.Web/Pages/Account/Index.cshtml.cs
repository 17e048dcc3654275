using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;

namespace CommonGround.Web.Pages.Account;

public sealed class IndexModel(CurrentUser currentUser) : PageBase
{
    public Person? Person { get; private set; }

    public async Task OnGetAsync() => Person = await currentUser.GetAsync();
}
