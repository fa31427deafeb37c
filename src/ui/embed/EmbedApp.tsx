// The app in an iframe (`?embed=1`): one scenario or lesson, the chosen views (`views=`), the
// editor only when asked (`editor=1`), small controls unless `controls=0`.
import { Stage } from '../presenter/Stage';
import { useTeaching } from '../lessons/TeachingProvider';
import type { EmbedOptions } from '../lessons/teachingStore';

export function EmbedApp({ options }: { options: EmbedOptions }) {
  const lesson = useTeaching((s) => s.lesson);
  return (
    <Stage
      className="embedded"
      views={options.views}
      lesson={lesson !== null}
      controls={options.controls}
    />
  );
}
