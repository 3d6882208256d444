export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };
