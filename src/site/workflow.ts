/**
 * `bibfolio init --ci github`: a GitHub Actions workflow that runs `bibfolio sync` weekly (and on demand), rebuilds
 * the outputs, and opens or updates one pull request with the diff and the sync's report as its body. Nothing is
 * pushed to the default branch by the workflow: the owner merges. Pure: the text only.
 */

export const WORKFLOW_PATH = '.github/workflows/bibfolio-sync.yml';

export function syncWorkflow(options: { readonly store: string }): string {
  return `# Written by "bibfolio init --ci github". Weekly (and on demand): sync the store with ORCID, arXiv and the
# venues, rebuild the outputs, and open or update one pull request with the changes; nothing is pushed to the
# default branch. Add a Crossref e-mail as "sources.mailto" in bibfolio.config.json for the polite pool.
name: bibfolio sync

on:
  schedule:
    - cron: '23 5 * * 1'
  workflow_dispatch:

permissions:
  contents: write
  pull-requests: write

concurrency:
  group: bibfolio-sync
  cancel-in-progress: false

jobs:
  sync:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install the site's packages (bibfolio among them)
        run: |
          if [ -f package-lock.json ]; then npm ci; elif [ -f package.json ]; then npm install; fi
      - name: bibfolio sync
        id: sync
        run: |
          set -o pipefail
          npx bibfolio sync --deadline 900 2>&1 | tee "$RUNNER_TEMP/sync-report.txt"
      - name: Rebuild the outputs
        run: npx bibfolio publications
      - name: The pull request's body
        run: |
          {
            echo 'bibfolio sync changed ${options.store.replace(/'/g, '')} (review the diff; hand edits are never overwritten).'
            echo
            echo '\`\`\`'
            cat "$RUNNER_TEMP/sync-report.txt"
            echo '\`\`\`'
          } > "$RUNNER_TEMP/pr-body.md"
      - uses: peter-evans/create-pull-request@v7
        with:
          branch: bibfolio/sync
          commit-message: 'bibfolio sync'
          title: 'bibfolio sync: publications from ORCID, arXiv and the venues'
          body-path: \${{ runner.temp }}/pr-body.md
          delete-branch: true
`;
}
