// How every browser test starts Debian's Chromium: headless, offline (no background
// networking, updates or sync), as root without a sandbox. CHROMIUM overrides the binary.
export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
