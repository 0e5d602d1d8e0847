import { Empty } from 'antd';
export default function ReviewPage() {
  return <Empty description="区域审核" />;
}
