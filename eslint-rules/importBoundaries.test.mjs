// The architecture rule, run by ESLint itself on fixed sources at fixed paths: each forbidden import is
// reported, each allowed one is not.
import path from 'node:path';
import { test } from 'node:test';
import { RuleTester } from 'eslint';
import { importBoundaries } from './importBoundaries.js';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const src = (spec) => `import x from '${spec}'; export default x;`;
const invalid = (filename, spec) => ({ filename: at(filename), code: src(spec), errors: [{ messageId: 'boundary' }] });

test('import boundaries', () => {
  tester.run('import-boundaries', importBoundaries, {
    valid: [
      { filename: at('src/app/pages/TaskPage.tsx'), code: src('../../features/task-graph/TaskGraph') },
      { filename: at('src/features/task-graph/TaskGraph.tsx'), code: src('./model') },
      { filename: at('src/features/task-graph/TaskGraph.tsx'), code: src('../../api/schemas') },
      { filename: at('src/features/task-list/TaskTable.tsx'), code: src('../../components/formatting') },
      { filename: at('src/components/apiErrorView.ts'), code: src('../api/errors') },
      { filename: at('src/features/task-list/TaskList.test.tsx'), code: src('../../test/fetchMock') },
      { filename: at('server/simulator/wire.ts'), code: src('../../src/api/schemas.ts') },
      { filename: at('server/pipeline/crossSite.ts'), code: src('../../src/api/consoleProtocol.ts') },
      { filename: at('server/simulator/savedTasks.ts'), code: src('../../src/api/taskFile.ts') },
      { filename: at('server/simulator/wire.ts'), code: src('./model') },
      { filename: at('e2e/large.spec.ts'), code: src('../server/simulator/scenarioIds.ts') },
      { filename: at('src/app/router.tsx'), code: src('@xyflow/react') },
    ],
    invalid: [
      invalid('src/features/task-graph/TaskGraph.tsx', '../task-detail/SubtaskPanel'),
      invalid('src/features/task-graph/deep/thing.ts', '../../task-list/listSearch'),
      invalid('src/features/task-list/TaskList.tsx', '../../app/router'),
      invalid('src/api/client.ts', '../features/task-graph/model'),
      invalid('src/components/ErrorState.tsx', '../app/theme'),
      invalid('src/i18n/i18n.ts', '../features/task-list/TaskList'),
      invalid('src/app/router.tsx', '../../server/simulator/scenarios'),
      invalid('src/api/schemas.ts', '../../server/simulator/scenarioIds.ts'),
      invalid('src/features/task-graph/model.ts', '../../test/fetchMock'),
      invalid('server/simulator/wire.ts', '../../src/api/client.ts'),
      invalid('server/simulator/wire.ts', '../../src/features/task-graph/model.ts'),
      {
        filename: at('src/app/pages/X.tsx'),
        code: "export const m = import('../../../server/simulator/cli');",
        errors: [{ messageId: 'boundary' }],
      },
      { filename: at('src/features/a/x.ts'), code: "export * from '../b/y';", errors: [{ messageId: 'boundary' }] },
    ],
  });
});
